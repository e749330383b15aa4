from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    """Speed at académie scale, in production (the benchmark and seeding are in devtools/)."""

    name = "performance"
    verbose_name = _("Performance")

    def ready(self):
        from wagtail import hooks

        from . import generations, media_scope, page_cache, personal_pages, signal_handlers

        signal_handlers.register()
        generations.connect()
        media_scope.watch()
        hooks.register("before_serve_page", page_cache.mark_cacheable)
        hooks.register("before_serve_page", personal_pages.mark_served)
