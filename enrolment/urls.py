"""Enrolment URLs, mounted at /ecole/ (French) and /en/ecole/ (English).

The names and keyword arguments are a stable interface: the header, the spaces and the
class page link to them.
"""

from django.urls import path

from .views import accounts, card_logins, link_requests, login_cards, onde_import, roster, school

app_name = "enrolment"

urlpatterns = [
    # The schools this person directs (straight to the school when there is one).
    path("", school.index, name="index"),
    # Links between an existing account and a pupil, for the account's holder to confirm.
    path("rattachements/", link_requests.link_requests, name="link_requests"),
    path(
        "rattachements/<int:request_id>/reponse/",
        link_requests.answer_link_request,
        name="answer_link_request",
    ),
    # A school, for its director.
    path("<int:school_id>/", school.school_home, name="school"),
    path("<int:school_id>/classes/nouvelle/", school.class_create, name="class_create"),
    path("<int:school_id>/enseignants/", school.staff, name="staff"),
    path("<int:school_id>/import/", onde_import.school_import, name="import"),
    path("<int:school_id>/import/appliquer/", onde_import.school_import_apply, name="import_apply"),
    # A class, for its teachers and the school's director.
    path("classe/<int:classroom_id>/", roster.roster, name="roster"),
    path("classe/<int:classroom_id>/modifier/", school.class_edit, name="class_edit"),
    path("classe/<int:classroom_id>/eleves/nouveau/", roster.pupil_add, name="pupil_add"),
    path(
        "classe/<int:classroom_id>/eleves/<int:pupil_id>/responsables/nouveau/",
        roster.parent_add,
        name="parent_add",
    ),
    path(
        "classe/<int:classroom_id>/comptes/<int:user_id>/mot-de-passe/",
        accounts.reset_password,
        name="reset_password",
    ),
    path(
        "classe/<int:classroom_id>/comptes/<int:user_id>/desactiver/",
        accounts.deactivate,
        name="deactivate",
    ),
    path(
        "classe/<int:classroom_id>/comptes/<int:user_id>/reactiver/",
        accounts.reactivate,
        name="reactivate",
    ),
    path("classe/<int:classroom_id>/cartes/", login_cards.cards, name="cards"),
    # Logging in without typing (cardlogin/): a lost card, picture passwords, the tablet.
    path(
        "classe/<int:classroom_id>/comptes/<int:user_id>/carte/revoquer/",
        card_logins.revoke_card,
        name="revoke_card",
    ),
    path(
        "classe/<int:classroom_id>/comptes/<int:user_id>/images/",
        card_logins.picture_password,
        name="picture_password",
    ),
    path("classe/<int:classroom_id>/tablette/", card_logins.tablet_link, name="tablet_link"),
    path(
        "classe/<int:classroom_id>/tablette/revoquer/",
        card_logins.tablet_link_revoke,
        name="tablet_link_revoke",
    ),
    path("classe/<int:classroom_id>/import/", onde_import.class_import, name="class_import"),
    path(
        "classe/<int:classroom_id>/import/appliquer/",
        onde_import.class_import_apply,
        name="class_import_apply",
    ),
]
