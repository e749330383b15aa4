"""Template tags and filters of the public sites: the footer's statement, embedded frames."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from pages.frame import frame_of
from pages.identity import accessibility_statement_for

register = template.Library()


@register.simple_tag(takes_context=True)
def accessibility_statement(context):
    """The statement of the site being visited: the page's nearest one, else the portal's.

    Pages outside the tree (login, my spaces, enrolment) belong to the portal: the root
    page of the request's Wagtail site stands in for them.
    """
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return frame_of(page).statement
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    page = site.root_page if site is not None else None
    return accessibility_statement_for(page)


IFRAME_WITHOUT_TITLE = re.compile(r"<iframe(?![^>]*\stitle=)", re.IGNORECASE)


@register.filter
def with_frame_title(html, title):
    """Name an embedded frame for screen readers: providers' oEmbed HTML often does not."""
    return mark_safe(IFRAME_WITHOUT_TITLE.sub(f'<iframe title="{escape(title)}"', str(html)))
