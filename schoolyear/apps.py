from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolYearConfig(AppConfig):
    """The school year's end: a director rolls the school over to the next year (this
    year's classes close as read-only archives, next year's open, pupils move up, those
    who leave have their accounts closed and scheduled for deletion). Above enrolment,
    whose ONDE import it reuses, and below home (README "The school year's end")."""

    name = "schoolyear"
    verbose_name = _("School year")
