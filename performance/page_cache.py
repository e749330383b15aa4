"""Anonymous public pages: who may keep them (Cache-Control), and Préau's own small copy.

Most of the portal's traffic is families and passers-by reading a school's public site:
for them every page is the same, so a shared cache may keep it. Which answer may be kept
is decided here, once, for every page Wagtail serves:

- `Cache-Control: public, max-age=PREAU_PAGE_BROWSER_SECONDS,
  s-maxage=PREAU_PAGE_CACHE_SECONDS` (and `Vary: Cookie`) on a page of a public page type
  (apps listed in PREAU_PAGE_CACHE_APPS, never a class space) answered 200 to a GET or
  HEAD of its bare address (no query string), for an anonymous visitor sending neither a
  session nor a messages cookie, when the answer sets no cookie and its view did not
  mark it private (Wagtail marks a page behind a view restriction `private, no-store`);
- `private` on every other page Wagtail serves: class spaces (also a class's entry made
  public: it is a class page), any page for a logged-in person (also `no-store`,
  security/private_answers.py), a page with a query string. Previews are marked private
  by Wagtail and never looked up nor kept here; the admin, private files
  (classrooms/files.py) and logged-in answers carry `private` from their own views.

In production an nginx or Varnish in front keeps what is `public` and Wagtail's
frontend cache purges it (README "Production"). As the embedded default, and in
production without a proxy, `PublicPageCacheMiddleware` keeps those same answers in the
cache alias PREAU_PAGE_CACHE_ALIAS (local memory embedded, Redis where app servers share
it), for their s-maxage, and serves them before the session, the database or Wagtail's
routing are touched: a hit costs about what a static file does.

Invalidation is a purge, never a portal-wide token: `PageCacheBackend`, a backend of
`wagtail.contrib.frontend_cache`, forgets the addresses Wagtail and
performance/public_purge.py purge when a page is published, unpublished, deleted or moved
(the page, and the pages listing it). A draft, a pupil's photo or anything of a class
purges nothing. What public pages show and is not a page (site settings, images,
documents, sites) is not purged: a change shows within s-maxage.

Only the bare address of a page is kept (scheme, host and path, no query string): a
search, a page number or any parameter a visitor makes up is answered fresh and never
stored, so that visitors cannot fill the cache with one entry per address they invent
(1,200 requests to `/?q=<random>` used to evict people's sessions). Addresses with a
query string are not even looked up.
"""

import hashlib
import time
from collections import defaultdict
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.contrib.frontend_cache.backends import BaseBackend

ENTRY_PREFIX = "preau:publicpage:"
# The other addresses (scheme and host) a Wagtail site was served at: see `PageCacheBackend`.
ORIGINS_PREFIX = "preau:publicpage-origins:"
# Hosts a visitor may make up when ALLOWED_HOSTS lets them: past this many, a site's pages
# are not kept at a new address, so a purge always reaches every kept copy.
MAX_OTHER_ORIGINS = 16
PUBLIC_PAGE_ATTRIBUTE = "preau_public_page_origin"
PRIVATE_PAGE_ATTRIBUTE = "preau_private_page"
HEADER = "X-Preau-Page-Cache"
# Headers recomputed for each answer, or that belong to one visitor, are not kept.
DROPPED_HEADERS = {"age", "content-length", "set-cookie", HEADER.lower(), "x-preau-queries"}
# Cookies that mean "this visitor has state of their own": never serve them a shared page.
PERSONAL_COOKIES = ("messages",)
# Static files and uploads never are pages: no cache round trip for them.
FILE_PREFIXES = tuple(
    prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL, "/admin/") if prefix
)
NOT_SHARED = ("private", "no-store", "no-cache")


def shared_seconds() -> int:
    return getattr(settings, "PREAU_PAGE_CACHE_SECONDS", 0)


def browser_seconds() -> int:
    return min(getattr(settings, "PREAU_PAGE_BROWSER_SECONDS", 60), shared_seconds())


def cache_backend():
    """The cache keeping public pages, or None when Préau keeps none (a proxy does)."""
    alias = getattr(settings, "PREAU_PAGE_CACHE_ALIAS", None)
    if not alias or alias not in settings.CACHES or shared_seconds() <= 0:
        return None
    return caches[alias]


def is_public_type(page) -> bool:
    """A page of the public sites: never a class space (the classrooms app and the
    activities below a class are no public app; tests/performance/test_page_cache.py
    checks that no public page type can be created below a class)."""
    model = page.specific_class or type(page)
    return model._meta.app_label in settings.PREAU_PAGE_CACHE_APPS


def note_page(page, request, serve_args=None, serve_kwargs=None):
    """Wagtail `before_serve_page` hook: what kind of page this answer is, and the address
    of its Wagtail site (what Wagtail's purges name it by)."""
    from wagtail.models import Site

    if is_public_type(page):
        site = Site.find_for_request(request)
        root_url = site.root_url if site is not None else ""
        parts = urlsplit(root_url)
        setattr(request, PUBLIC_PAGE_ATTRIBUTE, origin(parts.scheme, parts.netloc))
    else:
        setattr(request, PRIVATE_PAGE_ATTRIBUTE, True)


def origin(scheme, host) -> str:
    """`scheme://host[:port]`, lower case, without the scheme's default port."""
    scheme, host = scheme.lower(), host.lower()
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port and host.endswith(default_port):
        host = host[: -len(default_port)]
    return f"{scheme}://{host}"


def request_origin(request) -> str:
    return origin(request.scheme, request.get_host())


def entry_key(page_origin, path) -> str:
    """One entry per scheme, host and path (the language is in the path)."""
    return ENTRY_PREFIX + hashlib.sha256(f"{page_origin}{path}".encode()).hexdigest()


def has_personal_cookie(request) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or any(
        name in cookies for name in PERSONAL_COOKIES
    )


def may_look_up(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if getattr(request, "is_dummy", False):  # Wagtail's preview requests
        return False
    if request.path_info.startswith(FILE_PREFIXES):
        return False
    return not has_personal_cookie(request)


def cache_control_words(response) -> set:
    return {
        part.split("=")[0].strip().lower()
        for part in response.get("Cache-Control", "").split(",")
        if part.strip()
    }


def shareable(request, response) -> bool:
    """Whether this answer is a public page every anonymous visitor may get from a shared
    cache (see the module docstring)."""
    if shared_seconds() <= 0 or getattr(request, PUBLIC_PAGE_ATTRIBUTE, None) is None:
        return False
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if getattr(request, "is_dummy", False) or has_personal_cookie(request):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return not (cache_control_words(response) & set(NOT_SHARED))


def shared_lifetime(response) -> int:
    """The answer's s-maxage: how long a shared cache, this one included, may keep it."""
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name.lower() == "s-maxage" and value.strip().isdigit():
            return int(value)
    return 0


def set_cache_headers(request, response) -> bool:
    """Mark a page `public` (answering True: it may be kept) or `private`; leave other
    answers as their views made them."""
    if shareable(request, response):
        lifetime = min(shared_lifetime(response) or shared_seconds(), shared_seconds())
        patch_cache_control(response, public=True, max_age=browser_seconds(), s_maxage=lifetime)
        patch_vary_headers(response, ("Cookie",))
        return True
    if getattr(request, PUBLIC_PAGE_ATTRIBUTE, None) is not None or getattr(
        request, PRIVATE_PAGE_ATTRIBUTE, False
    ):
        patch_cache_control(response, private=True)
    return False


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


def may_keep_at(backend, request) -> bool:
    """Whether the page's site will find this copy when it purges it: at the site's own
    address always; at another (a default site answering 127.0.0.1:8000, http for an
    https site) once that address is recorded for the site, up to MAX_OTHER_ORIGINS."""
    site_origin = getattr(request, PUBLIC_PAGE_ATTRIBUTE)
    here = request_origin(request)
    if here == site_origin:
        return True
    key = ORIGINS_PREFIX + site_origin
    known = backend.get(key) or frozenset()
    if here in known:
        return True
    if len(known) >= MAX_OTHER_ORIGINS:
        return False
    backend.set(key, frozenset(known | {here}), None)
    return True


class PublicPageCacheMiddleware:
    """Set who may keep a page, and keep and serve public ones (see the module docstring).

    The outermost middleware: a hit costs one round trip to the cache and nothing else,
    and the kept response already carries what the security middleware added to it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        backend = cache_backend()
        key = None
        if backend is not None and may_look_up(request):
            key = entry_key(request_origin(request), request.path)
            entry = backend.get(key)
            if entry is not None:
                return self.rebuild(request, entry)
        response = self.get_response(request)
        public = set_cache_headers(request, response)
        if public and key is not None and request.method == "GET" and may_keep_at(backend, request):
            headers = kept_headers(response, DROPPED_HEADERS)
            entry = (time.time(), headers, response.content)
            backend.set(key, entry, shared_lifetime(response))
            response[HEADER] = "miss"
        return response

    @staticmethod
    def rebuild(request, entry):
        kept_at, headers, content = entry
        response = replay(request, headers, content)
        # How old the copy is, so that a proxy or browser in front keeps it no longer.
        response["Age"] = str(max(0, int(time.time() - kept_at)))
        response[HEADER] = "hit"
        return response


def forget(keys):
    backend = cache_backend()
    if backend is not None and keys:
        backend.delete_many(keys)


def keys_for(urls) -> list:
    """The entries kept for these addresses, at every address their site was served at."""
    backend = cache_backend()
    if backend is None:
        return []
    paths = defaultdict(set)
    for url in urls:
        parts = urlsplit(url)
        if not parts.query:  # never kept
            paths[origin(parts.scheme, parts.netloc)].add(unquote(parts.path) or "/")
    others = backend.get_many([ORIGINS_PREFIX + site_origin for site_origin in paths])
    return [
        entry_key(served_at, path)
        for site_origin, site_paths in paths.items()
        for served_at in {site_origin, *others.get(ORIGINS_PREFIX + site_origin, ())}
        for path in site_paths
    ]


class PageCacheBackend(BaseBackend):
    """A backend of `wagtail.contrib.frontend_cache` forgetting what the middleware kept.

    Wagtail names a page by its site's address; the copies kept at another address of the
    same site are found through the addresses recorded for it (`may_keep_at`). A purge
    made inside a transaction (a publication in the admin, a take-down) forgets the
    copies at once and again when it commits: a visitor's request in between would
    otherwise keep the old page for s-maxage.
    """

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        keys = keys_for(urls)
        if not keys:
            return
        forget(keys)
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(lambda: forget(keys))
