"""The pictures a teacher may give a pupil who does not read yet, instead of a name.

Nursery pupils find themselves and their classmates by a picture (nursery mode): an
animal or an object chosen by the teacher among these Twemoji pictograms (graphics
CC BY 4.0, served as /static/vendor/twemoji/<codepoint>.svg). The value stored is the
picture's file name, so a template needs no table to show it.
"""

from django.db import models
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _


class Avatar(models.TextChoices):
    RABBIT = "1f430", _("Rabbit")
    CAT = "1f431", _("Cat")
    DOG = "1f436", _("Dog")
    FOX = "1f98a", _("Fox")
    LION = "1f981", _("Lion")
    BEAR = "1f43b", _("Bear")
    OWL = "1f989", _("Owl")
    FROG = "1f438", _("Frog")
    ELEPHANT = "1f418", _("Elephant")
    GIRAFFE = "1f992", _("Giraffe")
    ZEBRA = "1f993", _("Zebra")
    TURTLE = "1f422", _("Turtle")
    BEE = "1f41d", _("Bee")
    BUTTERFLY = "1f98b", _("Butterfly")
    PENGUIN = "1f427", _("Penguin")
    TIGER = "1f42f", _("Tiger")
    UNICORN = "1f984", _("Unicorn")
    DOLPHIN = "1f42c", _("Dolphin")
    APPLE = "1f34e", _("Apple")
    STAR = "2b50", _("Star")
    RAINBOW = "1f308", _("Rainbow")
    ROCKET = "1f680", _("Rocket")
    SUNFLOWER = "1f33b", _("Sunflower")
    CAR = "1f697", _("Car")


def avatar_url(code: str) -> str:
    """The picture's static URL, or "" for no picture (the initial is shown instead)."""
    return static(f"vendor/twemoji/{code}.svg") if code in Avatar.values else ""
