"""Exercise addresses, mounted at /exercices/ (and /en/exercices/)."""

from django.urls import path

from security.permissions_policy import allows_recording

from . import views
from .builder import views as builder
from .h5p import views as h5p_views

app_name = "exercises"

urlpatterns = [
    path("classes/<int:classroom_id>/nouveau/", builder.new, name="new"),
    path("<int:exercise_id>/construire/", builder.builder, name="builder"),
    path(
        "<int:exercise_id>/construire/ajouter/<slug:kind>/",
        allows_recording(builder.add_item),
        name="add_item",
    ),
    path(
        "<int:exercise_id>/construire/elements/<str:item_id>/",
        allows_recording(builder.edit_item),
        name="edit_item",
    ),
    path(
        "<int:exercise_id>/construire/elements/<str:item_id>/supprimer/",
        builder.delete_item,
        name="delete_item",
    ),
    path(
        "<int:exercise_id>/construire/elements/<str:item_id>/deplacer/",
        builder.move_item,
        name="move_item",
    ),
    path("<int:exercise_id>/construire/reglages/", builder.settings, name="settings"),
    path("<int:exercise_id>/construire/apercu/", builder.preview, name="preview"),
    path("<int:exercise_id>/construire/publier/", builder.publish, name="publish"),
    path("<int:exercise_id>/commencer/", views.start, name="start"),
    path("<int:exercise_id>/resultats/", views.results, name="results"),
    path("<int:exercise_id>/resultats.csv", views.results_csv, name="results_csv"),
    path("essais/<int:attempt_id>/", views.attempt_view, name="attempt"),
    path("essais/<int:attempt_id>/resultat/", views.result, name="result"),
    path(
        "essais/<int:attempt_id>/h5p/<str:question_id>/",
        h5p_views.report,
        name="h5p_report",
    ),
    path("h5p/<uuid:folder>/<path:path>", h5p_views.package_file, name="h5p_file"),
    path(
        "classes/<int:classroom_id>/eleves/<int:pupil_id>/",
        views.pupil_results,
        name="pupil_results",
    ),
]
