from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    """A person's conversations (not a class activity): reached from the header."""

    name = "messaging"
    verbose_name = _("Messaging")

    def ready(self):
        from notifications import digest, kinds

        from . import notices, signal_handlers

        signal_handlers.register()
        for kind in notices.notification_kinds():
            kinds.register(kind)
        # Its part of the one daily digest: every unread message, quoted only between adults.
        digest.register_section(notices.GROUP, notices.digest_lines)
