"""Versions: what lets many readers share what one of them built, and never a stale copy.

The families of a class read the same wall cards; every reader of an entry reads the same
body, comments and authors. Such shared reads are kept in the cache (Redis in production)
under a key that carries the *version* of what they were built from: one class, one
school's shared entries, one page, one person. A change replaces only the version of the
class, page or person it concerns, so a pupil's draft in one class leaves every other
class's kept wall in place; a replaced version orphans every key built on it at once,
without listing them, and orphans expire by themselves. Nothing here is portal-wide.

Version names (`class_scope()`, `school_scope()`, `page_scope()`, `person_scope()`):
- "class:<tree path>": a class space and every page below it, its members and groups, its
  partnerships (classrooms/wall.py, comments/);
- "school:<tree path>": what the classes of a school share with each other (the entries a
  class opened to the school), replaced when such a page is published, unpublished, moved
  or deleted, never by a draft;
- "page:<id>": one page (an entry's authors, its published versions, its comments);
- "person:<id>": what a person is (classes, children, rights; classrooms/person.py).

Three rules keep a reader from keeping a stale copy:
- a writer replaces the version at once (so that it reads its own writes, in the same
  transaction) and again once its transaction commits: a reader that read the old rows
  before the commit stored them under the version that the commit replaced;
- a change fails closed: the version is replaced *before* a watched row is written
  (pre_save, pre_delete, the relations' pre_add/pre_remove/pre_clear, pre_page_move), and
  when the cache does not take that write (Redis down, timed out, full) the change is
  refused with `InvalidationFailed`, inside any transaction around it, which then rolls
  back. Ending a partnership, a membership or a guardianship thus never commits while a
  kept read still opens the class. The replacement after commit cannot undo anything:
  when it fails, it is logged;
- kept values also have a lifetime (`PREAU_VERSION_SECONDS`), a bound on what any missed
  signal (a raw SQL update) could cost.

One kind of change goes the other way: a take-down (a photo whose family withdrew consent
going back to its class, classrooms/consent.py) *removes* access, and refusing it would
leave the photo public for as long as the cache fails. Inside `removing_access()` a
version the cache does not take is logged instead of refused, and replaced again after
commit; the files themselves are checked against the database on every request
(classrooms/files.py).

Each app says which versions a change of its rows replaces (`watch(scopes_of, models)`),
from AppConfig.ready(); bulk writes call `bump()` themselves.
"""

import logging
import threading
import uuid
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

from . import request_scope

logger = logging.getLogger(__name__)

KEY_PREFIX = "preau:version:"
VALUE_PREFIX = "preau:shared:"
# Take-downs under way in this thread (`removing_access()`).
_seen = threading.local()


def class_scope(classroom_path: str) -> str:
    return f"class:{classroom_path}"


def school_scope(school_path: str) -> str:
    return f"school:{school_path}"


def page_scope(page_id) -> str:
    return f"page:{page_id}"


def person_scope(user_id) -> str:
    return f"person:{user_id}"


def _memo() -> dict:
    """Versions already read in this request (performance/request_scope.py): the wall, the
    person and the comments ask for the same few, one round trip is enough. Outside a
    request (a command, a background task) every call reads them afresh."""
    versions = request_scope.section("versions")
    return versions if versions is not None else {}


def _values() -> dict | None:
    """Shared values already read in this request (None outside a request)."""
    return request_scope.section("shared values")


def cache_backend():
    return caches[getattr(settings, "PREAU_VERSION_CACHE_ALIAS", "default")]


def enabled() -> bool:
    return getattr(settings, "PREAU_VERSION_SECONDS", 0) > 0


def lifetime() -> int:
    return settings.PREAU_VERSION_SECONDS


def _key(scope: str) -> str:
    return KEY_PREFIX + scope


def current(*scopes: str) -> str:
    """The versions of these scopes, joined: one round trip to the cache at most."""
    memo = _memo()
    missing = [scope for scope in scopes if scope not in memo]
    if missing:
        backend = cache_backend()
        found = backend.get_many([_key(scope) for scope in missing])
        for scope in missing:
            version = found.get(_key(scope))
            if version is None:
                # First reader since the cache was emptied: whoever adds first wins.
                backend.add(_key(scope), uuid.uuid4().hex, None)
                version = backend.get(_key(scope)) or uuid.uuid4().hex
            memo[scope] = version
    return ".".join(memo[scope] for scope in scopes)


class InvalidationFailed(Exception):
    """The cache did not take a new version: what was kept of these scopes is still
    served, so the change that needed it must not be made (see the module)."""

    def __init__(self, scopes):
        super().__init__(f"The cache did not take the new versions of {', '.join(scopes)}.")
        self.scopes = tuple(scopes)


def _replace(scopes) -> None:
    versions = {scope: uuid.uuid4().hex for scope in scopes}
    try:
        # The keys not written (Django's contract): all of them when Redis is out of reach
        # (performance/redis_cache.py); a backend that raises instead fails the same way.
        failed = cache_backend().set_many(
            {_key(scope): version for scope, version in versions.items()}, None
        )
    except Exception as error:
        raise InvalidationFailed(scopes) from error
    if failed:
        raise InvalidationFailed(scopes)
    _memo().update(versions)
    if (seen := _values()) is not None:
        seen.clear()  # what this request read before the change is not reused after it


@contextmanager
def removing_access():
    """Within it, changes that remove access are made even when the cache cannot be told.

    For take-downs only (classrooms/consent.py): what they change narrows who sees what,
    so a failed invalidation must not refuse them (see the module). A version the cache
    does not take is logged, and replaced again once the transaction commits; everything
    else keeps failing closed. Nests; holds for the current thread."""
    _seen.removing = getattr(_seen, "removing", 0) + 1
    try:
        yield
    finally:
        _seen.removing -= 1


def is_removing_access() -> bool:
    """Whether the current change is a take-down (`removing_access()`)."""
    return getattr(_seen, "removing", 0) > 0


def _replace_or_refuse(scopes, guards_access) -> bool:
    """Replace the versions; when the cache does not take them, refuse the change (raise)
    if it may take access away and is no take-down, else log it. Whether they were."""
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
        logger.exception("A change was committed but its versions were not replaced again.")


def bump(*scopes: str, guards_access=True) -> None:
    """Rows of these scopes changed: forget what was built from them, now and at commit.

    Raises `InvalidationFailed` when the cache does not take the new versions now, so that
    the transaction around the change rolls back; with `guards_access=False` (the change
    takes nothing away from anyone), logs it instead, and so within `removing_access()`,
    where the replacement after commit is tried all the same."""
    scopes = tuple(dict.fromkeys(scope for scope in scopes if scope))
    if not enabled() or not scopes:
        return
    if _replace_or_refuse(scopes, guards_access) or is_removing_access():
        transaction.on_commit(lambda: _replace_after_commit(scopes))


def cached(key: str, scopes: tuple, load):
    """`load()`'s answer, shared under `key` for the current versions of `scopes`.

    Without the setting (or at 0), `load()` is simply called: nothing is kept."""
    if not enabled():
        return load()
    full_key = f"{VALUE_PREFIX}{key}:{current(*scopes)}"
    seen = _values()
    if seen is not None and full_key in seen:
        return seen[full_key]  # asked again within the request (the header, the footer)
    backend = cache_backend()
    value = backend.get(full_key)
    if value is None:
        value = load()
        backend.set(full_key, value, lifetime())
    if seen is not None:
        seen[full_key] = value
    return value


# Which rows belong to which versions: each app declares what its shared reads depend on.
_watched = []  # (scopes_of(instance, **signal kwargs), models(), guards_access)


def watch(scopes_of, models, *, guards_access=True) -> None:
    """Replace the versions `scopes_of(instance, **kwargs)` names (a scope, several or
    none) when a row of one of `models()` is saved or deleted, or a many-to-many relation
    whose table is among them changes (`kwargs` are the signal's: `signal`,
    `update_fields`, `action`, `pk_set`...). Called from AppConfig.ready(); `models` is a
    function so that it may name models of apps loaded later.

    A change the cache cannot be told about is refused (see the module), unless
    `guards_access` is False: rows that never take anything away from anyone (a staff
    member's admin theme, created by Wagtail while it renders a page) are then written
    anyway, and the failure logged."""
    _watched.append((scopes_of, models, guards_access))


def _scopes_changed(sender, instance=None, **kwargs) -> tuple:
    """The versions a change of `instance` replaces, and whether one of them guards access."""
    scopes, guarded = [], False
    for scopes_of, models, guards_access in _watched:
        if not issubclass(sender, models()):
            continue
        named = scopes_of(instance, **kwargs)
        named = [named] if isinstance(named, str) else [name for name in named or () if name]
        scopes.extend(named)
        guarded = guarded or (guards_access and bool(named))
    return tuple(dict.fromkeys(scope for scope in scopes if scope)), guarded


def _changing(sender, **kwargs):
    """Before a watched row is written: replace its versions, or refuse the change."""
    scopes, guarded = _scopes_changed(sender, **kwargs)
    if enabled() and scopes:
        _replace_or_refuse(scopes, guarded)


def _changed(sender, **kwargs):
    scopes, guarded = _scopes_changed(sender, **kwargs)
    bump(*scopes, guards_access=guarded)


def _relation_changed(sender, action=None, **kwargs):
    if action in ("pre_add", "pre_remove", "pre_clear"):
        _changing(sender, action=action, **kwargs)
    elif action in ("post_add", "post_remove", "post_clear"):
        _changed(sender, action=action, **kwargs)


def connect() -> None:
    """Listen for the changes every watched version depends on (signal_handlers.py)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    for signal in (post_save, post_delete, page_published, page_unpublished, post_page_move):
        signal.connect(_changed, dispatch_uid=f"preau-versions-{id(signal)}")
    for signal in (pre_save, pre_delete, pre_page_move):
        signal.connect(_changing, dispatch_uid=f"preau-versions-{id(signal)}")
    request_scope.connect()
    m2m_changed.connect(_relation_changed, dispatch_uid="preau-versions-m2m")
