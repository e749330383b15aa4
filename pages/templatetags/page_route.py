"""The breadcrumb's ancestors of a page, from what routing read when it can (pages/routing.py)."""

from django import template
from wagtail.models import Page

from pages.routing import route_of

register = template.Library()


@register.simple_tag
def breadcrumb_ancestors(page):
    """The page's ancestors below the tree's root, root first: none for a non-page."""
    if not isinstance(page, Page) or not page.pk:
        return []
    route = route_of(page)
    ancestors = route.ancestors if route is not None else page.get_ancestors()
    return list(ancestors)[1:]
