from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    """Speed at académie scale: the public page cache, the scale data set, the benchmark."""

    name = "performance"
    verbose_name = _("Performance")

    def ready(self):
        from wagtail import hooks

        from . import generations, page_cache, signal_handlers

        signal_handlers.register()
        generations.connect()
        hooks.register("before_serve_page", page_cache.mark_cacheable)
