from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    """Speed at académie scale, in production: shared reads under versions, the public
    page cache (the benchmark and the scale seeding are in devtools/)."""

    name = "performance"
    verbose_name = _("Performance")

    def ready(self):
        # Wagtail hooks are in wagtail_hooks.py, which Wagtail imports itself.
        from . import signal_handlers

        signal_handlers.register()
