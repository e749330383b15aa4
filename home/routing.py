"""Serving a page that has no translation yet in the visitor's language.

Once the portal exists in English, /en/ addresses are routed through the English tree;
a school that has not been translated is missing there. Rather than 404, route the
address through the original (default-language) tree: the visitor gets the interface in
their language and the content in the original one, as the language switcher announces.
"""

from django.http import Http404
from wagtail.models import Locale


class FallbackToDefaultLocaleMixin:
    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
            default = Locale.get_default()
            if self.locale_id == default.pk:
                raise
            original = self.get_translation_or_none(default)
            if original is None:
                raise
            return original.specific.route(request, path_components)
