"""The Wagtail site of a request, kept between requests with the page tree.

Wagtail finds the site of every request with a query, then reads its root page in its
specific form with another: the same two rows for every page of the portal. They are
kept with what routing keeps (scope "tree", performance/generations.py), which a change
to a site or a page replaces, and handed to Wagtail where it looks first
(`request._wagtail_site`).
"""

from django.conf import settings
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.models import Site

from pages.routing import TREE

from . import generations


def _kept_site(request):
    # As Wagtail reads it; CommonMiddleware, before this one, refused hosts not allowed.
    hostname = split_domain_port(request._get_raw_host())[0]

    def load():
        site = Site._find_for_request(request)
        if site is not None and site.root_page_id is not None:
            # What routing asks of it next: its root page, specific (site.root_page.specific),
            # in the language of the request (`.localized`, answered by pages/routing.py
            # without a query once the root page is in its specific form).
            site.root_page = site.root_page.specific
        return site

    return generations.read_through(f"site:{hostname}:{request.get_port()}", (TREE,), load)


class KeptSiteMiddleware:
    """Give Wagtail the request's site from what requests keep (see the module docstring).

    Files and the health check serve no page: they are left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def skipped(self):
        prefixes = [settings.STATIC_URL, settings.MEDIA_URL, reverse("health")]
        return tuple(prefix for prefix in prefixes if prefix)

    def __call__(self, request):
        if generations.enabled() and not request.path_info.startswith(self.skipped):
            site = _kept_site(request)
            if site is not None:
                request._wagtail_site = site
        return self.get_response(request)
