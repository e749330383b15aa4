"""Names inside sentences, with French elision: "les progrès de Léa", "d’Adam", "d’Hugo".

`{{ name|of_name }}` gives "of Léa" in English and "de Léa" or "d’Adam" in French (the
two forms are translations, so another language may say it its own way). A sentence
holding it is written around the whole: "Progress %(of_name)s" → "Progrès %(of_name)s".
"""

import unicodedata

from django import template
from django.utils.translation import pgettext

register = template.Library()

VOWELS = set("aeiouyh")  # a mute h elides too: "d’Hugo", "d’Hélène"


def starts_with_vowel(name: str) -> bool:
    first = unicodedata.normalize("NFD", name.strip()[:1].lower())[:1]
    return first in VOWELS


@register.filter
def of_name(name) -> str:
    name = str(name)
    if starts_with_vowel(name):
        return pgettext("before a name starting with a vowel sound", "of %(name)s") % {"name": name}
    return pgettext("before a name starting with a consonant", "of %(name)s") % {"name": name}
