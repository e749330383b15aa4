from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RetentionConfig(AppConfig):
    """How long personal data is kept, and its end: accounts that no longer have a place
    on the portal are deactivated at once and deleted after a delay (README "Retention").
    Not a class activity: its own app, above the activities whose content it purges."""

    name = "retention"
    verbose_name = _("Retention of personal data")
