"""Enrolment URLs, mounted at /ecole/ (French) and /en/ecole/ (English).

The names and keyword arguments are a stable interface: the header, the spaces and the
class page link to them.
"""

from django.urls import path

from . import views

app_name = "enrolment"

urlpatterns = [
    # The schools this person directs (straight to the school when there is one).
    path("", views.index, name="index"),
    # Links between an existing account and a pupil, for the account's holder to confirm.
    path("rattachements/", views.link_requests, name="link_requests"),
    path(
        "rattachements/<int:request_id>/reponse/",
        views.answer_link_request,
        name="answer_link_request",
    ),
    # A school, for its director.
    path("<int:school_id>/", views.school_home, name="school"),
    path("<int:school_id>/classes/nouvelle/", views.class_create, name="class_create"),
    path("<int:school_id>/enseignants/", views.staff, name="staff"),
    path("<int:school_id>/import/", views.school_import, name="import"),
    path("<int:school_id>/import/appliquer/", views.school_import_apply, name="import_apply"),
    # A class, for its teachers and the school's director.
    path("classe/<int:classroom_id>/", views.roster, name="roster"),
    path("classe/<int:classroom_id>/modifier/", views.class_edit, name="class_edit"),
    path("classe/<int:classroom_id>/eleves/nouveau/", views.pupil_add, name="pupil_add"),
    path(
        "classe/<int:classroom_id>/eleves/<int:pupil_id>/responsables/nouveau/",
        views.parent_add,
        name="parent_add",
    ),
    path(
        "classe/<int:classroom_id>/comptes/<int:user_id>/mot-de-passe/",
        views.reset_password,
        name="reset_password",
    ),
    path(
        "classe/<int:classroom_id>/comptes/<int:user_id>/desactiver/",
        views.deactivate,
        name="deactivate",
    ),
    path(
        "classe/<int:classroom_id>/comptes/<int:user_id>/reactiver/",
        views.reactivate,
        name="reactivate",
    ),
    path("classe/<int:classroom_id>/cartes/", views.cards, name="cards"),
    path("classe/<int:classroom_id>/import/", views.class_import, name="class_import"),
    path(
        "classe/<int:classroom_id>/import/appliquer/",
        views.class_import_apply,
        name="class_import_apply",
    ),
]
