from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RetentionConfig(AppConfig):
    """How long personal data is kept, and its end: accounts that no longer have a place
    on the portal are deactivated at once and deleted after a delay, archives lose their
    pupils' names, old records are purged (README "Retention of personal data").
    Not a class activity: its own app, above the activities whose content it purges."""

    name = "retention"
    verbose_name = _("Retention of personal data")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import notices, signal_handlers
        from .admin_views import PortalAdminsReadOnly
        from .models import ScheduledDeletion

        register_permission_policy(ScheduledDeletion, PortalAdminsReadOnly(ScheduledDeletion))
        notices.register_kinds()
        signal_handlers.register()
