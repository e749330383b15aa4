"""The breadcrumb's ancestors of a page."""

from django import template
from wagtail.models import Page

register = template.Library()


@register.simple_tag
def breadcrumb_ancestors(page):
    """The page's ancestors below the tree's root, root first: none for a non-page."""
    if not isinstance(page, Page) or not page.pk:
        return []
    from pages.frame import frame_of

    return frame_of(page).ancestors
