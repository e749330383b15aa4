from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Public sites")

    def ready(self):
        from . import permissions, signal_handlers

        permissions.register()
        signal_handlers.register()
