"""One-time form tokens: a form sent twice is acted on once.

Each rendering of a protected form carries a random token (`OnceField`). The first POST
carrying it claims it in the shared cache (`cache.add`: atomic on Redis and in memory,
so two requests of one double click cannot both win) and records what came of it: the
address the person was sent to, and what the form made. A later POST with the same token
finds that record. The same content again (a double click, a browser sending the form
again) is sent to the first result and makes nothing; another content (two tabs opened
on one page, a form reopened from the browser's history and changed) is for the caller to
keep without making a second entry or comment: back in the form, or applied to what the
first POST made.

Why the cache, and not the session: a token written into the session at every rendering
would save every reader's session at every page they open. Why not the database: the
record only has to outlive a double click and a return through the browser's history,
hours, not years. When the cache cannot be reached
the form is acted on as without a token: nothing is refused because of this module.
"""

import hashlib
import logging
import re
import secrets
import time
from dataclasses import dataclass

from django import forms
from django.core.cache import cache

logger = logging.getLogger(__name__)

FIELD = "once"
KEY_PREFIX = "preau:once:"
# How long a used token is remembered: a school day of going back and forth.
LIFETIME = 12 * 3600
# A claim whose request died (a worker killed mid-request) frees the token after this.
PENDING_SECONDS = 120
PENDING = "pending"
# A second click waits this long for the first one's result before keeping its own text.
WAIT_SECONDS = 5.0
WAIT_STEP = 0.1
TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# What does not belong to what a person sent (the fingerprint of a submission).
NOT_CONTENT = {"csrfmiddlewaretoken", FIELD}


def new_token() -> str:
    return secrets.token_urlsafe(18)


class OnceField(forms.CharField):
    """A form's one-time token, hidden. Never an error: a form without a valid token
    (opened before tokens existed, or sent by a script) is acted on unprotected."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("initial", new_token)
        super().__init__(**kwargs)

    def clean(self, value):
        value = (value or "").strip()
        return value if TOKEN_SHAPE.match(value) else ""


def fingerprint(request) -> str:
    """What the person sent (fields and files' names and sizes), token and CSRF aside."""
    digest = hashlib.sha256()
    for name in sorted(request.POST):
        if name in NOT_CONTENT:
            continue
        for value in request.POST.getlist(name):
            digest.update(f"{name}\x1f{value}\x1e".encode())
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            digest.update(f"{name}\x1f{upload.name}\x1f{upload.size}\x1e".encode())
    return digest.hexdigest()


@dataclass
class Claim:
    """One POST's hold on its token. `previous` is None when this POST is the first to
    carry it, PENDING while the first is still being acted on, else the first's record."""

    key: str | None
    fingerprint: str
    previous: object = None

    @property
    def first(self) -> bool:
        return self.previous is None

    @property
    def pending(self) -> bool:
        return self.previous == PENDING

    @property
    def result(self) -> dict | None:
        return self.previous if isinstance(self.previous, dict) else None

    @property
    def repeated(self) -> bool:
        """The same content as the POST that used the token: a double submit."""
        return self.result is not None and self.result.get("fingerprint") == self.fingerprint

    def record(self, url, *, done=True, **details) -> None:
        """What came of this POST: where the person went, what was made (ids).

        `done=False`: something was made, then the POST failed before it was acted on
        in full. The same content sent again is then not a double submit: the caller
        acts on it again, over what was made.
        """
        if self.key:
            mark = self.fingerprint if done else None
            record = {"url": str(url), "fingerprint": mark, **details}
            _quietly(cache.set, self.key, record, LIFETIME)

    def release(self) -> None:
        """Nothing came of the first POST (refused, failed): the form may be sent again."""
        if self.key and self.first:
            _quietly(cache.delete, self.key)


def claim(request, token) -> Claim:
    """Claim `token` (the cleaned OnceField) for this POST by the logged-in person."""
    mark = fingerprint(request)
    if not token or not request.user.is_authenticated:
        return Claim(None, mark)
    key = f"{KEY_PREFIX}{request.user.pk}:{token}"
    deadline = time.monotonic() + WAIT_SECONDS
    slipped = False
    while True:
        added = _quietly(cache.add, key, PENDING, PENDING_SECONDS)
        if added is None or (not added and not _answering()):
            # The cache is unreachable: unprotected, as without a token.
            return Claim(None, mark)
        if added:
            return Claim(key, mark)
        previous = _quietly(cache.get, key)
        out_of_time = time.monotonic() >= deadline
        if previous is None:
            # Neither added nor found: released or expired between the two calls, or a
            # cache that takes no write (Préau's Redis backend answers False when Redis
            # is down or full). Asked again once, after a pause; a second time means
            # the cache takes no write: unprotected.
            if slipped or out_of_time:
                return Claim(None, mark)
            slipped = True
            time.sleep(WAIT_STEP)
            continue
        if previous != PENDING or out_of_time:
            return Claim(key, mark, previous)
        time.sleep(WAIT_STEP)


def _answering() -> bool:
    """Whether the cache says it is reached at all (`answering()`, which Préau's Redis
    backend has: False for a few seconds after Redis did not answer)."""
    answering = getattr(cache, "answering", None)
    return answering is None or bool(_quietly(answering))


def _quietly(operation, *args):
    try:
        return operation(*args)
    except Exception:  # noqa: BLE001 (any cache failure: the form is acted on unprotected)
        logger.warning("One-time form tokens: the cache is unreachable.", exc_info=True)
        return None
