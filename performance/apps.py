from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    """Speed at académie scale, in production: shared reads under versions, the public
    page cache (the benchmark and the scale seeding are in devtools/)."""

    name = "performance"
    verbose_name = _("Performance")

    def ready(self):
        from wagtail import hooks

        from . import page_cache, public_purge, versions

        public_purge.register()
        versions.connect()
        hooks.register("before_serve_page", page_cache.note_page)
