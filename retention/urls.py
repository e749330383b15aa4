"""Retention URLs, mounted at /ecole/ beside enrolment's: a school's closed accounts."""

from django.urls import path

from . import views

app_name = "retention"

urlpatterns = [
    path(
        "<int:school_id>/comptes-a-supprimer/",
        views.school_accounts,
        name="school_accounts",
    ),
    path(
        "<int:school_id>/comptes-a-supprimer/<int:user_id>/rouvrir/",
        views.reopen_account,
        name="reopen_account",
    ),
]
