from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataExportConfig(AppConfig):
    """A person's data in one ZIP they can read and reuse (README "Your data"): the right
    of access and portability of the GDPR (articles 15 and 20). Not a class activity: its
    own app on the retention line, above every app whose rows it reads; no app imports it.
    Its links reach "my spaces" through the `preau_my_spaces_links` hook (wagtail_hooks.py)."""

    name = "dataexport"
    verbose_name = _("Export of personal data")
