"""The writing workshop's addresses, mounted at /ecrits/ (and /en/ecrits/)."""

from django.urls import path

from security.permissions_policy import allows_recording

from . import views_assignment, views_marking, views_progress, views_text

app_name = "writing"

urlpatterns = [
    path(
        "classes/<int:classroom_id>/nouveau/",
        allows_recording(views_assignment.assignment_new),
        name="assignment_new",
    ),
    path("classes/<int:classroom_id>/code-couleur/", views_progress.legend_edit, name="legend"),
    path(
        "classes/<int:classroom_id>/progres/", views_progress.class_progress, name="class_progress"
    ),
    path(
        "classes/<int:classroom_id>/progres.csv",
        views_progress.class_progress_csv,
        name="class_progress_csv",
    ),
    path(
        "classes/<int:classroom_id>/eleves/<int:pupil_id>/progres/",
        views_progress.pupil_progress,
        name="pupil_progress",
    ),
    path("<int:assignment_id>/commencer/", views_text.start, name="start"),
    path("<int:assignment_id>/sujet/", views_assignment.assign_topic, name="assign_topic"),
    path("<int:assignment_id>/rassembler/", views_assignment.gather, name="gather"),
    path("textes/<int:text_id>/", views_text.text_view, name="text"),
    path("textes/<int:text_id>/comparer/", views_text.compare, name="compare"),
    path("textes/<int:text_id>/nouvelles/", views_text.text_news, name="text_news"),
    path("textes/<int:text_id>/parents/", views_text.share, name="share"),
    path("textes/<int:text_id>/publier/", views_text.publish, name="publish"),
    path("textes/<int:text_id>/reecrire/", views_text.rewrite, name="rewrite"),
    path(
        "textes/<int:text_id>/brouillons/<int:number>/",
        allows_recording(views_marking.draft_view),
        name="draft",
    ),
    path(
        "textes/<int:text_id>/brouillons/<int:number>/marques/",
        views_marking.mark_add,
        name="mark_add",
    ),
    path(
        "textes/<int:text_id>/brouillons/<int:number>/marques/<int:mark_id>/supprimer/",
        views_marking.mark_delete,
        name="mark_delete",
    ),
    path(
        "textes/<int:text_id>/brouillons/<int:number>/rendre/",
        views_marking.give_back,
        name="give_back",
    ),
]
