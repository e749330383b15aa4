"""Whole pages kept for the person who read them, while nothing they show has changed.

A parent opens the class wall or an entry many times a day, and it rarely changed in
between. Everything such a page shows is already read through kept reads
(performance/generations.py): the pages on the way, the person, the class, the comments.
When a page was built from kept reads only, its HTML is kept too, with the generation
token of every scope the request read; it is served again while all of them are current.
A change to any of those rows replaces a token, and the page is built afresh.

What is kept, and only then:
- a GET for a page Wagtail served (`before_serve_page`) or a view marked with
  `keep_for_person`, at its bare address (no query string), to a logged-in person, answered
  200 in HTML, not streamed, with no message waiting for them (a page shows those once);
- that read nothing no scope watches: its queries, outside kept reads, only read tables
  whose rows a named scope watches (the page then depends on those scopes; any other
  query, or a write, means nothing is kept), left the session untouched, set no cookie,
  and whose forms carry a token of the CSRF secret the browser already holds.

Whose it is: the key holds the address, the language, the person's row as read at login
(any change to their name, password or rights gives another key), the whole session
(messages waiting in it, another login) and the CSRF secret the page's forms carry.
Entries also expire after PREAU_PERSONAL_PAGE_SECONDS, the bound on what depends on the
clock alone (today's exercises). The middleware sits last, after authentication: every
request is still checked as a person's (an inactive account, an ended session, a locked
out address never reach the kept page).
"""

import functools
import hashlib
import re
import zlib

from django.conf import settings
from django.db import connections

from . import generations
from .page_cache import kept_headers, replay

ENTRY_PREFIX = "preau:personal:"
SERVED_ATTRIBUTE = "_preau_personal_page"
HEADER = "X-Preau-Personal-Cache"
DROPPED_HEADERS = {"content-length", "set-cookie", HEADER.lower(), "x-preau-queries"}
# The user's fields that what a page shows of them, or their rights, depend on.
USER_FIELDS = (
    "pk",
    "username",
    "first_name",
    "last_name",
    "email",
    "password",
    "is_active",
    "is_staff",
    "is_superuser",
)


# The tables a query reads, as Django writes them (quoted, after FROM or JOIN).
TABLES = re.compile(r'\b(?:FROM|JOIN)\s+"([^"]+)"')


@functools.cache
def _watched_tables() -> dict:
    return generations.watched_tables()


def scopes_read_by(sql: str):
    """The named scopes whose rows a query reads, or None when it reads anything else
    (a table no scope watches) or is not a plain read."""
    if not sql.lstrip().upper().startswith("SELECT"):
        return None
    tables = TABLES.findall(sql)
    if not tables:
        return None
    watched = _watched_tables()
    scopes = set()
    for table in tables:
        if table not in watched:
            return None
        scopes |= watched[table]
    return scopes


def enabled() -> bool:
    return generations.enabled() and getattr(settings, "PREAU_PERSONAL_PAGE_SECONDS", 0) > 0


def mark_served(page, request, serve_args=None, serve_kwargs=None):
    """Wagtail `before_serve_page` hook: this response is a page, it may be kept."""
    setattr(request, SERVED_ATTRIBUTE, True)


def keep_for_person(view):
    """A view whose page may be kept like Wagtail's pages (the same rules apply): for the
    pages a person reloads, built from kept reads (a teacher's queue of comments)."""

    @functools.wraps(view)
    def marked(request, *args, **kwargs):
        setattr(request, SERVED_ATTRIBUTE, True)
        return view(request, *args, **kwargs)

    return marked


def _skipped_prefixes():
    prefixes = (settings.STATIC_URL, settings.MEDIA_URL, "/admin/", "/django-admin/")
    return tuple(prefix for prefix in prefixes if prefix)


def messages_waiting(request) -> bool:
    """Whether messages wait for this person (after a form): the page shows them once."""
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def may_look_up(request) -> bool:
    if request.method not in ("GET", "HEAD") or getattr(request, "htmx", False):
        return False
    if request.META.get("QUERY_STRING"):
        # One kept page per address: a parameter anyone makes up would fill Redis.
        return False
    if request.path_info.startswith(_skipped_prefixes()):
        return False
    return request.user.is_authenticated and not messages_waiting(request)


def entry_key(request) -> str:
    user = request.user
    session = getattr(request, "session", None)
    session_items = sorted(session.items()) if session is not None else []
    parts = (
        request.build_absolute_uri(),
        getattr(request, "LANGUAGE_CODE", ""),
        repr([getattr(user, field) for field in USER_FIELDS]),
        getattr(session, "session_key", "") or "",
        repr(session_items),
        request.META.get("CSRF_COOKIE") or "",
    )
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return ENTRY_PREFIX + digest


def may_store(request, response, uncovered_queries, csrf_secret) -> bool:
    if not getattr(request, SERVED_ATTRIBUTE, False) or request.method != "GET":
        return False
    if uncovered_queries or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or not response.get("Content-Type", "").startswith("text/html"):
        return False
    # The page's forms carry a token of the CSRF secret the browser already holds.
    if not csrf_secret or request.META.get("CSRF_COOKIE") != csrf_secret:
        return False
    session = getattr(request, "session", None)
    if (session is not None and session.modified) or messages_waiting(request):
        return False
    return "no-store" not in response.get("Cache-Control", "")


class PersonalPageCacheMiddleware:
    """Serve and keep a person's pages (see the module docstring). The last middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not may_look_up(request):
            return self.get_response(request)
        backend = generations.cache_backend()
        key = entry_key(request)
        entry = backend.get(key)
        csrf_secret = request.META.get("CSRF_COOKIE")
        if entry is not None and generations.still_current(entry[0]):
            if csrf_secret:
                # As Django does when a page uses the token: the cookie's expiry is renewed.
                request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
            return self.rebuild(request, entry)
        uncovered = 0

        def follow(execute, sql, params, many, context):
            # A query outside a kept read: the page depends on the scopes of the tables
            # it reads, read now (before the rows: a change in between leaves the page
            # stale on arrival, never wrong), or on something no scope watches.
            nonlocal uncovered
            if not generations.loading():
                scopes = scopes_read_by(sql)
                if scopes is None:
                    uncovered += 1
                else:
                    generations.current(*sorted(scopes))
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(follow):
            response = self.get_response(request)
        if may_store(request, response, uncovered, csrf_secret):
            headers = kept_headers(response, DROPPED_HEADERS)
            # Compressed: HTML shrinks about tenfold, and Redis holds one page per reader.
            entry = (generations.read_so_far(), headers, zlib.compress(response.content, 1))
            backend.set(key, entry, settings.PREAU_PERSONAL_PAGE_SECONDS)
            response[HEADER] = "stored"
        return response

    @staticmethod
    def rebuild(request, entry):
        _tokens, headers, compressed = entry
        response = replay(request, headers, zlib.decompress(compressed))
        response[HEADER] = "hit"
        return response
