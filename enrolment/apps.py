from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrolmentConfig(AppConfig):
    """Enrols people in schools and classes from the front end: classes, teachers,
    pupils and parents, the ONDE import and printable login cards."""

    name = "enrolment"
    verbose_name = _("Enrolment")

    def ready(self):
        from . import signal_handlers

        # A withdrawn photo consent takes down what showed the child (classrooms/consent.py).
        signal_handlers.register()
