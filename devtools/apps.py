from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevtoolsConfig(AppConfig):
    """Tools to measure Préau at scale: not installed in production (see the package)."""

    name = "devtools"
    verbose_name = _("Development tools")
