"""Whole-page cache of public pages for anonymous visitors, dropped on every publication.

Most of the portal's traffic is families and passers-by reading a school's public site.
For them every page is the same, so the rendered response is kept in the shared cache
(Redis in production) and served before the session, the database or Wagtail's routing
are touched: a cached page costs about what a static file does.

What is cached, and only then:
- a GET for a page of a public page type (apps listed in PREAU_PAGE_CACHE_APPS, never a
  class space), rendered for an anonymous visitor, answered 200, that sets no cookie and
  is not marked private;
- looked up only for requests without a session or messages cookie, so a person who is
  logged in, or has a message waiting, always gets a page rendered for them.

Invalidation is one shared *generation* token: every publication, unpublication, move or
deletion of a page, and every change to what public pages show (site settings, images,
documents, view restrictions, sites), replaces it, and entries of an older generation are
ignored. Coarse, but never stale by more than a publication; entries also expire after
PREAU_PAGE_CACHE_SECONDS so that pages depending on the date (this week's menu, coming
events) follow the calendar. The token is replaced before such a change is written too,
and a change whose new token the cache does not take is refused (`InvalidationFailed`,
performance/versions.py): a page taken down never stays served from the cache. Except
a take-down itself (`versions.removing_access()`, a withdrawn consent): refusing it
would keep the photo public, so the failure is logged and the kept pages expire.

Only the bare address of a page is kept (no query string): a search, a page number or
any parameter a visitor makes up is answered fresh and never stored, so that visitors
cannot fill Redis with one entry per address they invent (1,200 requests to `/?q=<random>`
used to evict people's sessions). Addresses with a query string are not even looked up.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

from . import versions
from .versions import InvalidationFailed

logger = logging.getLogger(__name__)
GENERATION_KEY = "preau:pagecache:generation"
ENTRY_PREFIX = "preau:pagecache:page:"
CACHEABLE_ATTRIBUTE = "_preau_page_cacheable"
# Headers recomputed for each answer, or that belong to one visitor, are not kept.
DROPPED_HEADERS = {"content-length", "set-cookie", "x-preau-page-cache", "x-preau-queries"}
# Cookies that mean "this visitor has state of their own": never serve them a shared page.
PERSONAL_COOKIES = ("messages",)
# Static files and uploads never are pages: no cache round trip for them.
FILE_PREFIXES = tuple(
    prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL, "/admin/") if prefix
)


def cache_backend():
    return caches[getattr(settings, "PREAU_PAGE_CACHE_ALIAS", "default")]


def enabled():
    return getattr(settings, "PREAU_PAGE_CACHE_SECONDS", 0) > 0


def invalidate(**kwargs):
    """Forget every cached page (a signal receiver, hence **kwargs).

    Raises `InvalidationFailed` when the cache does not take the new generation (its
    `set_many` answers the keys it did not write): the change must not be made. Within
    `versions.removing_access()` (a take-down), logs it instead."""
    if not enabled():
        return
    try:
        try:
            failed = cache_backend().set_many({GENERATION_KEY: uuid.uuid4().hex}, None)
        except Exception as error:
            raise InvalidationFailed(("public pages",)) from error
        if failed:
            raise InvalidationFailed(("public pages",))
    except InvalidationFailed:
        if not versions.is_removing_access():
            raise
        logger.warning("A take-down was made without dropping the kept public pages.")


def invalidate_after_commit():
    """`invalidate`, for `transaction.on_commit`: the change is saved already, so a cache
    that does not take the new generation is logged, never raised to the person whose
    change it was (the kept pages expire after PREAU_PAGE_CACHE_SECONDS)."""
    try:
        invalidate()
    except InvalidationFailed:
        logger.exception("A change was committed but the kept public pages were not dropped.")


def mark_cacheable(page, request, serve_args=None, serve_kwargs=None):
    """Wagtail `before_serve_page` hook: let the middleware keep this page's response."""
    if page._meta.app_label in settings.PREAU_PAGE_CACHE_APPS:
        setattr(request, CACHEABLE_ATTRIBUTE, True)


def entry_key(request):
    """One entry per scheme, host and path (the language is in the path); `may_look_up`
    leaves out addresses with a query string."""
    address = request.build_absolute_uri().encode()
    return ENTRY_PREFIX + hashlib.sha256(address).hexdigest()


def may_look_up(request):
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if request.path_info.startswith(FILE_PREFIXES):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and not any(
        name in cookies for name in PERSONAL_COOKIES
    )


def may_store(request, response):
    if not getattr(request, CACHEABLE_ATTRIBUTE, False) or request.method != "GET":
        return False
    if request.META.get("QUERY_STRING"):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def kept_headers(response, dropped) -> dict:
    """The headers of a response worth keeping with it: not those in `dropped`."""
    return {name: value for name, value in response.items() if name.lower() not in dropped}


def replay(request, headers, content):
    """A kept response, answered again (without its body to a HEAD request)."""
    response = HttpResponse(b"" if request.method == "HEAD" else content)
    for name, value in headers.items():
        response[name] = value
    response["Content-Length"] = str(len(content))
    return response


class AnonymousPageCacheMiddleware:
    """Serve and keep public pages for anonymous visitors (see the module docstring).

    The outermost middleware: a hit costs one round trip to the cache and nothing else,
    and the kept response already carries what the security middleware added to it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not may_look_up(request):
            return self.get_response(request)
        backend = cache_backend()
        key = entry_key(request)
        found = backend.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = uuid.uuid4().hex
            backend.add(GENERATION_KEY, generation, None)
            generation = backend.get(GENERATION_KEY, generation)
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            return self.rebuild(request, entry)
        response = self.get_response(request)
        if may_store(request, response):
            headers = kept_headers(response, DROPPED_HEADERS)
            backend.set(
                key,
                (generation, headers, response.content),
                settings.PREAU_PAGE_CACHE_SECONDS,
            )
            response["X-Preau-Page-Cache"] = "miss"
        return response

    @staticmethod
    def rebuild(request, entry):
        _generation, headers, content = entry
        response = replay(request, headers, content)
        response["X-Preau-Page-Cache"] = "hit"
        return response
