"""Generation tokens: what lets a request reuse what another one read, and never a stale copy.

Logged-in pages read the same rows again and again: the pages on the way to an address,
what a person is (their classes, children, rights). Such reads are kept in the shared
cache (Redis in production) under a key that carries the *generation* of their scope, a
token replaced whenever a row of that scope changes. A replaced token orphans every entry
of the old one at once, without listing them; orphans expire by themselves.

Three rules keep a reader from keeping a stale copy:
- a writer replaces the token at once (so that it reads its own writes, in the same
  transaction, as the tests do) and again once its transaction commits: a reader that read
  the old rows before the commit stored them under the token that the commit replaced;
- a change fails closed: the token is replaced *before* a watched row is written (pre_save,
  pre_delete, the relations' pre_add/pre_remove/pre_clear, pre_page_move), and when the cache
  does not take that write (Redis down, timed out, full) the change is refused with
  `InvalidationFailed`, inside any transaction around it, which then rolls back. Ending a
  partnership, a membership or a guardianship thus never commits while the guest's kept
  reads still open the class: the change and its invalidation succeed together. The
  replacement after commit cannot undo anything: when it fails, it is logged (the one before
  the write already orphaned what was kept; only a read made between the two could remain);
- entries are also given a lifetime (`PREAU_GENERATION_SECONDS`), a bound on what any
  missed signal (a raw SQL update) could cost.

One kind of change goes the other way: a take-down (a photo whose family withdrew consent
going back to its class, classrooms/consent.py) *removes* access, and refusing it would
leave the photo public for as long as the cache fails. Inside `removing_access()` a token
the cache does not take is logged instead of refused (here and by the public page cache,
performance/page_cache.py), and replaced again after commit; until then a kept page may
show what was taken down, for at most the lifetime of what is kept, while the files
themselves are checked against the database on every request (classrooms/files.py).

Scopes are names: "tree" (the page tree and what is saved with pages, pages/routing.py),
"people" (every person's places and rights, classrooms/person.py), "person:<id>" (one
person's own counters), "profiles" (staff's Wagtail profiles), "media" (uploaded files,
performance/media_scope.py), "comments:<entry id>" and "class-comments:<class path>"
(comments/kept.py), "attempts:<exercise id>" (exercises/kept.py), "partnerships".

A request remembers which scopes it read, and whether it asked the database anything that
is not kept (`read_so_far()`, `loading()`): the pages of a person are themselves kept when
everything they show was (performance/personal_pages.py).
"""

import logging
import threading
import uuid
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction

logger = logging.getLogger(__name__)

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


class InvalidationFailed(Exception):
    """The cache did not take a new token: what was kept of these scopes is still served,
    so the change that needed it must not be made (see the module)."""

    def __init__(self, scopes):
        super().__init__(f"The cache did not take the new tokens of {', '.join(scopes)}.")
        self.scopes = tuple(scopes)


def _replace(scopes) -> None:
    tokens = {scope: uuid.uuid4().hex for scope in scopes}
    try:
        # The keys not written (Django's contract): all of them when Redis is out of reach
        # (performance/redis_cache.py); a backend that raises instead fails the same way.
        failed = cache_backend().set_many(
            {_key(scope): token for scope, token in tokens.items()}, None
        )
    except Exception as error:
        raise InvalidationFailed(scopes) from error
    if failed:
        raise InvalidationFailed(scopes)
    _memo().update(tokens)


@contextmanager
def removing_access():
    """Within it, changes that remove access are made even when the cache cannot be told.

    For take-downs only (classrooms/consent.py): what they change narrows who sees what,
    so a failed invalidation must not refuse them (see the module). A token the cache does
    not take is logged, and replaced again once the transaction commits; everything else
    keeps failing closed. Nests; holds for the current thread."""
    _seen.removing = getattr(_seen, "removing", 0) + 1
    try:
        yield
    finally:
        _seen.removing -= 1


def is_removing_access() -> bool:
    """Whether the current change is a take-down (`removing_access()`)."""
    return getattr(_seen, "removing", 0) > 0


def _replace_or_refuse(scopes, guards_access) -> bool:
    """Replace the tokens; when the cache does not take them, refuse the change (raise) if
    it may take access away and is no take-down, else log it. Whether they were replaced."""
    try:
        _replace(scopes)
    except InvalidationFailed:
        if guards_access and not is_removing_access():
            raise
        logger.warning("A change to %s was made without its invalidation.", ", ".join(scopes))
        return False
    return True


def _replace_after_commit(scopes) -> None:
    try:
        _replace(scopes)
    except InvalidationFailed:
        logger.exception("A change was committed but its tokens were not replaced again.")


def bump(*scopes: str, guards_access=True) -> None:
    """Rows of these scopes changed: forget what was read of them, now and at commit.

    Raises `InvalidationFailed` when the cache does not take the new tokens now, so that
    the transaction around the change rolls back; with `guards_access=False` (the change
    takes nothing away from anyone), logs it instead, and so within `removing_access()`,
    where the replacement after commit is tried all the same."""
    if not enabled() or not scopes:
        return
    if _replace_or_refuse(scopes, guards_access) or is_removing_access():
        transaction.on_commit(lambda: _replace_after_commit(scopes))


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
_watched = []  # (scope, models(), ignore(instance, **kwargs) or None, guards_access)


def watch(scope, models, *, ignore=None, guards_access=True) -> None:
    """Replace `scope`'s token when a row of one of `models()` is saved or deleted, or a
    many-to-many relation whose table is among them changes. Called from AppConfig.ready();
    `models` is a function so that it may name models of apps loaded later. `ignore`
    tells which saves do not count (a login only moving `last_login`). `scope` may be a
    function of the row giving one scope or several, for scopes per object (the comments
    of one entry, and of its class).

    A change the cache cannot be told about is refused (see the module), unless
    `guards_access` is False: rows that never take anything away from anyone (a staff
    member's admin theme, created by Wagtail while it renders a page) are then written
    anyway, and the failure logged."""
    _watched.append((scope, models, ignore, guards_access))


def watched_tables() -> dict:
    """Each database table whose rows a named scope watches → those scopes. Scopes per
    object (a function of the row) are left out: a query tells its table, not its row."""
    from django.apps import apps

    tables = {}
    for scope, models, _ignore, _guards in _watched:
        if callable(scope):
            continue
        for model in apps.get_models(include_auto_created=True):
            if issubclass(model, models()):
                tables.setdefault(model._meta.db_table, set()).add(scope)
    return tables


def _scopes_changed(sender, instance=None, **kwargs) -> tuple:
    """The scopes a change of `instance` touches, and whether one of them guards access."""
    scopes, guarded = [], False
    for scope, models, ignore, guards_access in _watched:
        if not issubclass(sender, models()) or (ignore and ignore(instance, **kwargs)):
            continue
        named = scope(instance) if callable(scope) else scope
        named = [named] if isinstance(named, str) else [name for name in named or () if name]
        scopes.extend(named)
        guarded = guarded or (guards_access and bool(named))
    return tuple(dict.fromkeys(scope for scope in scopes if scope)), guarded


def _changing(sender, **kwargs):
    """Before a watched row is written: replace its scopes' tokens, or refuse the change."""
    scopes, guarded = _scopes_changed(sender, **kwargs)
    if enabled() and scopes:
        _replace_or_refuse(scopes, guarded)


def _changed(sender, **kwargs):
    scopes, guarded = _scopes_changed(sender, **kwargs)
    bump(*scopes, guards_access=guarded)


def _relation_changed(sender, action=None, **kwargs):
    if action in ("pre_add", "pre_remove", "pre_clear"):
        _changing(sender, **kwargs)
    elif action in ("post_add", "post_remove", "post_clear"):
        _changed(sender, **kwargs)


def connect() -> None:
    """Listen for the changes every watched scope depends on (performance/apps.py)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    for signal in (post_save, post_delete, page_published, page_unpublished, post_page_move):
        signal.connect(_changed, dispatch_uid=f"preau-generations-{id(signal)}")
    for signal in (pre_save, pre_delete, pre_page_move):
        signal.connect(_changing, dispatch_uid=f"preau-generations-{id(signal)}")
    request_started.connect(request_began, dispatch_uid="preau-generations-request")
    request_finished.connect(request_ended, dispatch_uid="preau-generations-request")
    m2m_changed.connect(_relation_changed, dispatch_uid="preau-generations-m2m")
