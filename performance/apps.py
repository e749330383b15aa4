from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    """Speed at académie scale: the public page cache, the scale data set, the benchmark."""

    name = "performance"
    verbose_name = _("Performance")

    def ready(self):
        from wagtail import hooks

        from . import generations, media_scope, page_cache, personal_pages, public_purge

        public_purge.register()
        generations.connect()
        media_scope.watch()
        hooks.register("before_serve_page", page_cache.note_page)
        hooks.register("before_serve_page", personal_pages.mark_served)
