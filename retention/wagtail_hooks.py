"""Retention's places: the closed accounts listed in the Wagtail admin for portal
administrators, and linked from a school's management page for its director."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from .admin_views import ScheduledDeletionViewSet


@hooks.register("register_admin_viewset")
def register_scheduled_deletions():
    return ScheduledDeletionViewSet("scheduled_deletions")


@hooks.register("preau_school_actions")
def school_actions(school, user):
    """The school's management page (its director's): the closed accounts."""
    return [
        (
            reverse("retention:school_accounts", kwargs={"school_id": school.pk}),
            _("Accounts to be deleted"),
            "clock",
        )
    ]
