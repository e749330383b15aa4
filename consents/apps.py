from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentsConfig(AppConfig):
    """The parents' answers about their child's photos, voice, videos and full name, for
    the school community and for the public (README "Consent").

    A low layer: the sharing rules of classrooms/, newspaper/ and the public pages read
    these answers, and classrooms/ takes down what a withdrawn answer no longer covers
    (it listens to signals.answers_narrowed). Who is a child's parent or teacher is
    classrooms' knowledge, asked through access.py (registered from ClassroomsConfig)."""

    name = "consents"
    verbose_name = _("Consent of families")
