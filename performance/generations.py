"""Generation tokens: what lets a request reuse what another one read, and never a stale copy.

Logged-in pages read the same rows again and again: the pages on the way to an address,
what a person is (their classes, children, rights). Such reads are kept in the shared
cache (Redis in production) under a key that carries the *generation* of their scope, a
token replaced whenever a row of that scope changes. A replaced token orphans every entry
of the old one at once, without listing them; orphans expire by themselves.

Two rules keep a reader from keeping a stale copy:
- a writer replaces the token at once (so that it reads its own writes, in the same
  transaction, as the tests do) and again once its transaction commits: a reader that read
  the old rows before the commit stored them under the token that the commit replaced;
- entries are also given a lifetime (`PREAU_GENERATION_SECONDS`), a bound on what any
  missed signal (a raw SQL update) could cost.

Scopes are names: "tree" (the page tree and what is saved with pages, pages/routing.py),
"people" (every person's places and rights, classrooms/person.py), "person:<id>" (one
person's own counters), "profiles" (staff's Wagtail profiles), "media" (uploaded files,
performance/media_scope.py), "comments:<entry id>" and "class-comments:<class path>"
(comments/kept.py), "attempts:<exercise id>" (exercises/kept.py), "partnerships".

A request remembers which scopes it read, and whether it asked the database anything that
is not kept (`read_so_far()`, `loading()`): the pages of a person are themselves kept when
everything they show was (performance/personal_pages.py).
"""

import threading
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction

KEY_PREFIX = "preau:generation:"
# Tokens already read in this request (a thread serves one request at a time): routing,
# the person and the wall ask for the same scopes, one round trip is enough. Outside a
# request (a command, a background task) every call reads them afresh.
_seen = threading.local()


def _memo() -> dict:
    tokens = getattr(_seen, "tokens", None)
    return tokens if tokens is not None else {}


def request_began(**kwargs) -> None:
    _seen.tokens = {}


def request_ended(**kwargs) -> None:
    _seen.tokens = None


def read_so_far() -> dict:
    """The scopes this request read, with the tokens it read them at."""
    return dict(_memo())


def loading() -> bool:
    """Whether a kept read is being loaded: its queries belong to a scope."""
    return getattr(_seen, "loading", 0) > 0


def still_current(tokens: dict) -> bool:
    """Whether every one of these scopes is still at the token given (one round trip)."""
    if not tokens:
        return True
    return current(*tokens).split(".") == list(tokens.values())


def cache_backend():
    return caches[getattr(settings, "PREAU_GENERATION_CACHE_ALIAS", "default")]


def enabled() -> bool:
    return getattr(settings, "PREAU_GENERATION_SECONDS", 0) > 0


def lifetime() -> int:
    return settings.PREAU_GENERATION_SECONDS


def _key(scope: str) -> str:
    return KEY_PREFIX + scope


def current(*scopes: str) -> str:
    """The tokens of these scopes, joined: at most one round trip to the cache per request."""
    memo = _memo()
    missing = [scope for scope in scopes if scope not in memo]
    if missing:
        backend = cache_backend()
        found = backend.get_many([_key(scope) for scope in missing])
        for scope in missing:
            token = found.get(_key(scope))
            if token is None:
                # First reader since the cache was emptied: whoever adds first wins.
                backend.add(_key(scope), uuid.uuid4().hex, None)
                token = backend.get(_key(scope)) or uuid.uuid4().hex
            memo[scope] = token
    return ".".join(memo[scope] for scope in scopes)


def _replace(scopes) -> None:
    tokens = {scope: uuid.uuid4().hex for scope in scopes}
    cache_backend().set_many({_key(scope): token for scope, token in tokens.items()}, None)
    _memo().update(tokens)


def bump(*scopes: str) -> None:
    """Rows of these scopes changed: forget what was read of them, now and at commit."""
    if not enabled() or not scopes:
        return
    _replace(scopes)
    transaction.on_commit(lambda: _replace(scopes))


def read_through(key: str, scopes: tuple, load):
    """`load()`'s answer, kept under `key` for the current generation of `scopes`.

    Without the setting (or at 0), `load()` is simply called: nothing is kept.
    """
    if not enabled():
        return load()
    backend = cache_backend()
    full_key = f"preau:kept:{key}:{current(*scopes)}"
    value = backend.get(full_key)
    if value is None:
        _seen.loading = getattr(_seen, "loading", 0) + 1
        try:
            value = load()
        finally:
            _seen.loading -= 1
        backend.set(full_key, value, lifetime())
    return value


# Which rows belong to which scope: each app declares what its kept reads depend on.
_watched = []  # (scope, models(), ignore(instance, **kwargs) or None)


def watch(scope, models, *, ignore=None) -> None:
    """Replace `scope`'s token when a row of one of `models()` is saved or deleted, or a
    many-to-many relation whose table is among them changes. Called from AppConfig.ready();
    `models` is a function so that it may name models of apps loaded later. `ignore`
    tells which saves do not count (a login only moving `last_login`). `scope` may be a
    function of the row giving one scope or several, for scopes per object (the comments
    of one entry, and of its class)."""
    _watched.append((scope, models, ignore))


def watched_tables() -> dict:
    """Each database table whose rows a named scope watches → those scopes. Scopes per
    object (a function of the row) are left out: a query tells its table, not its row."""
    from django.apps import apps

    tables = {}
    for scope, models, _ignore in _watched:
        if callable(scope):
            continue
        for model in apps.get_models(include_auto_created=True):
            if issubclass(model, models()):
                tables.setdefault(model._meta.db_table, set()).add(scope)
    return tables


def _changed(sender, instance=None, **kwargs):
    scopes = []
    for scope, models, ignore in _watched:
        if not issubclass(sender, models()) or (ignore and ignore(instance, **kwargs)):
            continue
        named = scope(instance) if callable(scope) else scope
        scopes.extend([named] if isinstance(named, str) else named or ())
    bump(*dict.fromkeys(scope for scope in scopes if scope))


def _relation_changed(sender, action=None, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        _changed(sender, **kwargs)


def connect() -> None:
    """Listen for the changes every watched scope depends on (performance/apps.py)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (post_save, post_delete, page_published, page_unpublished, post_page_move):
        signal.connect(_changed, dispatch_uid=f"preau-generations-{id(signal)}")
    request_started.connect(request_began, dispatch_uid="preau-generations-request")
    request_finished.connect(request_ended, dispatch_uid="preau-generations-request")
    m2m_changed.connect(_relation_changed, dispatch_uid="preau-generations-m2m")
