from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharedSpacesConfig(AppConfig):
    name = "sharedspaces"
    verbose_name = _("Shared spaces")

    def ready(self):
        from notifications import kinds

        from . import notices

        kinds.register_group(notices.notification_group())
        for kind in notices.notification_kinds():
            kinds.register(kind)
