from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CardLoginConfig(AppConfig):
    """Logging in without typing: a pupil's login card (its QR code) and picture
    passwords entered on the class's tablet. A way in, not a class activity: its own app,
    below enrolment (which prints the cards) and above classrooms (whose pupils it knows).
    """

    name = "cardlogin"
    verbose_name = _("Card and picture login")
