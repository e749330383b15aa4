from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Public sites")

    def ready(self):
        # Wagtail hooks are in wagtail_hooks.py, which Wagtail imports itself.
        from . import permissions, signal_handlers, versions

        permissions.register()
        signal_handlers.register()
        versions.watch()
