"""The portal home's listings, read from the original (default-language) tree.

Schools, towns and the portal's news are created in the portal's default language; a
translation of the portal home only has below it the few pages someone translated. So
every language version of the home lists the original tree, and links each item to its
published translation in the reader's language when there is one, else to the original
under the reader's language prefix (home/routing.py serves it there, with the interface
in that language). The translations of all listed items are read in one query.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_supported_language_variant
from wagtail.models import Locale, Page

from pages.public import public_filter


@dataclass(frozen=True)
class Listed:
    original: Page  # in the default language: town, postcode, level, date
    shown: Page  # the translation in the reader's language, else the original
    url: str
    language: str  # the language of `shown`, for the title's lang attribute


def default_language():
    return get_supported_language_variant(settings.LANGUAGE_CODE)


def reader_language():
    return get_supported_language_variant(translation.get_language() or settings.LANGUAGE_CODE)


def original_of(page):
    """The page's version in the default language (itself when it is one, or has none)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page


def translated_title_match(query, language):
    """Pages whose translation in `language` has `query` in its title: a reader searches
    the directory with the names they read."""
    if language == default_language():
        return Q(pk__in=[])
    keys = Page.objects.filter(locale__language_code=language, title__icontains=query).values(
        "translation_key"
    )
    return Q(translation_key__in=keys)


def address_in(page, language, request):
    """The original page's address under `language`'s prefix: the same path, translated."""
    url = page.get_url(request)
    if url is None or language == default_language():
        return url
    with translation.override(default_language()):
        return translate_url(url, language)


def listed(pages, request, model=Page):
    """Each original page with its translation in the reader's language, if published.

    One query for all the translations (none in the default language); `model` is the
    translations' type when the template reads more than their title (a news intro).
    """
    pages = list(pages)
    language = reader_language()
    translations = {}
    if pages and language != default_language():
        found = (
            model.objects.live()
            .filter(public_filter())
            .filter(
                locale__language_code=language,
                translation_key__in=[page.translation_key for page in pages],
            )
        )
        if model is not Page:
            found = found.defer_streamfields()
        translations = {page.translation_key: page for page in found}
    items = []
    for page in pages:
        shown = translations.get(page.translation_key)
        if shown is not None:
            items.append(Listed(page, shown, shown.get_url(request), language))
        else:
            url = address_in(page, language, request)
            items.append(Listed(page, page, url, default_language()))
    return items
