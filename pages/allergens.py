"""The 14 allergens EU regulation 1169/2011 (annex II) requires canteens to declare, each
with a Twemoji pictogram (static/vendor/twemoji/, graphics CC BY 4.0).

The pictogram helps a child or a parent who reads little find "milk" on a menu; its name
is always written beside it, since no picture says "lupin" or "sulphites" on its own.
"""

from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

# (code, name, Twemoji code point), in the regulation's order.
ALLERGENS = [
    ("gluten", _("Gluten"), "1f33e"),  # sheaf of rice: cereals
    ("crustaceans", _("Crustaceans"), "1f990"),  # shrimp
    ("eggs", _("Eggs"), "1f95a"),  # egg
    ("fish", _("Fish"), "1f41f"),  # fish
    ("peanuts", _("Peanuts"), "1f95c"),  # peanuts
    ("soy", _("Soy"), "1fad8"),  # beans
    ("milk", _("Milk"), "1f95b"),  # glass of milk
    ("nuts", _("Tree nuts"), "1f330"),  # chestnut
    ("celery", _("Celery"), "1f96c"),  # leafy green
    ("mustard", _("Mustard"), "1fad9"),  # jar
    ("sesame", _("Sesame"), "1f96f"),  # bagel with its seeds
    ("sulphites", _("Sulphites"), "1f377"),  # wine glass
    ("lupin", _("Lupin"), "1f33c"),  # blossom
    ("molluscs", _("Molluscs"), "1f9aa"),  # oyster
]
CHOICES = [(code, name) for code, name, _point in ALLERGENS]
_BY_CODE = {code: (name, point) for code, name, point in ALLERGENS}


def allergen_items(codes):
    """(code, name, pictogram URL) of the chosen allergens, in the regulation's order."""
    chosen = set(codes or ())
    return [
        (code, name, static(f"vendor/twemoji/{point}.svg"))
        for code, name, point in ALLERGENS
        if code in chosen
    ]
