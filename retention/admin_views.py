"""The accounts waiting for their deletion, in the Wagtail admin, for portal administrators.

Read-only: an account is closed and reopened from the places it loses and finds (and by
a school's director on "Accounts to be deleted"), never edited here. The policy lets
superusers view and nobody add, change or delete, so Wagtail offers no such button.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import ScheduledDeletion


class PortalAdminsReadOnly(BasePermissionPolicy):
    """Viewing for superusers (the portal's administrators), nothing else for anyone."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


class ScheduledDeletionViewSet(ModelViewSet):
    model = ScheduledDeletion
    icon = "user"
    menu_label = _("Accounts to be deleted")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["user", "reason", "school", "deactivated_at", "delete_on", "notice_sent_at"]
    list_filter = ["reason", "delete_on"]
    inspect_view_enabled = True
    copy_view_enabled = False
    # No add or edit view is ever allowed (PortalAdminsReadOnly); Wagtail wants a form.
    form_fields = ["delete_on"]
