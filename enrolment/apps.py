from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrolmentConfig(AppConfig):
    """Enrols people in schools and classes from the front end: classes, teachers,
    pupils and parents, the ONDE import and printable login cards."""

    name = "enrolment"
    verbose_name = _("Enrolment")

    def ready(self):
        from notifications import kinds

        from . import signal_handlers

        # A withdrawn photo consent takes down what showed the child (classrooms/consent.py).
        signal_handlers.register()

        for kind in _kinds():
            kinds.register(kind)


def _kinds():
    """What the holder of an existing account and the director who asked are told."""
    from notifications.kinds import Kind

    return [
        Kind(
            "parent_link_request",
            _(
                "%(school)s asks you to confirm that you are a parent of %(child)s: "
                "answer on this page."
            ),
            # The holder may not log in often: the request must reach them.
            _("Are you a parent of this pupil?"),
        ),
        Kind(
            "parent_link_accepted",
            _("%(parent)s confirmed being a parent of %(child)s: they follow the class now."),
        ),
        Kind(
            "parent_link_declined",
            _(
                "%(parent)s said they are not a parent of %(child)s. Add the parent again to "
                "give them an account of their own."
            ),
        ),
    ]
