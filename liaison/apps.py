from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiaisonConfig(AppConfig):
    name = "liaison"
    verbose_name = _("Words to parents")

    def ready(self):
        from django.db.models.signals import post_delete

        from notifications import kinds

        from . import notices, signal_handlers
        from .models import WordFile

        for kind in notices.notification_kinds():
            kinds.register(kind)
        post_delete.connect(
            signal_handlers.file_deleted, sender=WordFile, dispatch_uid="liaison-file-deleted"
        )
