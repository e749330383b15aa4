"""The language switcher's links: a page's existing translations, else the same address.

On a Wagtail page, each language links to that page's translation when one exists; a
language without a translation links to the same address in that language, where the
interface speaks it and the content stays in the original language (marked as such).
Plain links, not a form: pages stay cacheable and work without JavaScript.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # the language's own name: "Français", "English"
    url: str
    current: bool
    translated: bool  # False when only the interface changes, not the page's content


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context["request"]
    current = get_language()
    page = context.get("page")
    translations = {}
    if isinstance(page, Page) and page.pk:
        from pages.frame import frame_of

        found = frame_of(page).translations
        for translation in found:
            translations[translation.locale.language_code] = translation
    links = []
    for code, _name in settings.LANGUAGES:
        if code in translations:
            url, translated = translations[code].get_url(request), True
        else:
            url, translated = translate_url(request.get_full_path(), code), not translations
        links.append(
            LanguageLink(
                code=code,
                name=get_language_info(code)["name_local"].capitalize(),
                url=url,
                current=code == current,
                translated=translated,
            )
        )
    return links
