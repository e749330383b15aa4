"""Names inside sentences, with French elision: "les progrès de Léa", "d’Adam", "d’Hugo".

`{{ name|of_name }}` gives "of Léa" in English and "de Léa" or "d’Adam" in French (the
two forms are translations, so another language may say it its own way). A sentence
holding it is written around the whole: "Progress %(of_name)s" → "Progrès %(of_name)s".

`{{ sentence|elide:name }}` mends a sentence already translated with "de %(name)s":
{% blocktranslate asvar label with name=x %}the account of {{ name }}{% endblocktranslate %}
{{ label|elide:x }} gives « le compte d’Adam Haddad ». The rules are in pages/french.py.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from pages import french

register = template.Library()


def starts_with_vowel(name: str) -> bool:
    """Whether French elides before this name (kept for the callers of this module)."""
    return french.elides(name)


@register.filter
def of_name(name) -> str:
    name = str(name)
    if starts_with_vowel(name):
        return pgettext("before a name starting with a vowel sound", "of %(name)s") % {"name": name}
    return pgettext("before a name starting with a consonant", "of %(name)s") % {"name": name}


@register.filter(is_safe=True)
def elide(text, name):
    """The sentence with "de <name>" written "d’<name>" in French."""
    if isinstance(text, SafeString):
        return mark_safe(french.elide(text, conditional_escape(name)))
    return french.elide(text, name)
