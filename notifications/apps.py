from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from classrooms import person

        from .services import UNREAD, unread_arm

        # The header's badge is read with the rest of what a person is: no query of its own.
        person.register_arm(UNREAD, unread_arm)
