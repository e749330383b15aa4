from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import kinds
        from .models import Notification
        from .services import notification_changed

        kinds.register_default_groups()

        for signal in (post_save, post_delete):
            signal.connect(
                notification_changed, sender=Notification, dispatch_uid=f"unread-{id(signal)}"
            )
