from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    """What people send through the front end is kept, and kept once.

    One-time form tokens against double submits (`once.py`), and the local drafts the
    browser keeps while a person writes (`drafts.py`, `static/js/drafts.js`), so a text
    survives a session that ended before it was sent. Used by the class blog's editor
    and the comment form; nothing to wire at start-up.
    """

    name = "submissions"
    verbose_name = _("Submissions")
