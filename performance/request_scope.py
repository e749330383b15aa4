"""What one request reads once: a memo that lives exactly as long as the request.

A page asks the same questions many times (what the person is, which classes they see,
which schools they belong to, what waits for them); the answers do not change while the
page is built. Rather than keep them on the request or user objects, the apps keep them
here, under a *section* (a name, or a person: `person_section(user_id)`) and a key.

The memo is opened when Django starts a request (`request_started`) and closed when it
ends (`request_finished`); a `ContextVar` holds it, so each thread or task serving a
request has its own. Outside a request (a management command, a test calling a function
directly) there is no memo: `remembered()` computes every time, and `section()` returns
None so callers know nothing is kept.

A change made during the request that alters what was remembered of a person drops it
(`forget_person()`, called by accounts/roles.py when the person's role groups change).
Shared values kept between requests are performance/versions.py's; it keeps the versions
and values it read in this request here too.
"""

from collections.abc import Callable, Hashable
from contextvars import ContextVar

from django.core.signals import request_finished, request_started

_memo: ContextVar[dict | None] = ContextVar("preau_request_memo", default=None)


def request_began(**kwargs) -> None:
    _memo.set({})


def request_ended(**kwargs) -> None:
    _memo.set(None)


def connect() -> None:
    """Open and close the memo with each request (performance/versions.py `connect()`)."""
    request_started.connect(request_began, dispatch_uid="preau-request-scope")
    request_finished.connect(request_ended, dispatch_uid="preau-request-scope")


def section(name: Hashable) -> dict | None:
    """This request's memo for `name` (None outside a request)."""
    memo = _memo.get()
    if memo is None:
        return None
    return memo.setdefault(name, {})


def person_section(user_id) -> tuple:
    """The section name of what is remembered of one person."""
    return ("person", user_id)


def remembered(name: Hashable, key: Hashable, compute: Callable):
    """`compute()`'s answer, computed once per request under (`name`, `key`)."""
    memo = section(name)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def remember(name: Hashable, key: Hashable, value) -> None:
    """Keep `value` under (`name`, `key`) for the rest of the request (nothing outside)."""
    memo = section(name)
    if memo is not None:
        memo[key] = value


def forget_person(user_id) -> None:
    """Drop what this request remembered of a person: their rows just changed."""
    memo = _memo.get()
    if memo is not None:
        memo.pop(person_section(user_id), None)
