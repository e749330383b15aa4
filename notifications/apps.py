from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from classrooms import person

        from .models import Notification
        from .services import UNREAD, notification_changed, unread_arm

        # The header's badge is read with the rest of what a person is: no query of its own.
        person.register_arm(UNREAD, unread_arm)
        for signal in (post_save, post_delete):
            signal.connect(
                notification_changed, sender=Notification, dispatch_uid=f"unread-{id(signal)}"
            )
