"""Logged-in sessions for thousands of people at once, as a login would leave them.

The school-day mix needs a session per family (1,000 to 5,000 of them): logging each in
through the test client takes a request's worth of work per person, minutes at that
count. Here the rows are written in one bulk insert, with what `django.contrib.auth.login`
stores (the user's id, backend and session hash), through the session engine's public
encoding; with the `cached_db` engine, the cache copies are written too, in one
`set_many`, so the first request finds the session where a logged-in person's would be.
"""

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.utils import timezone
from django.utils.crypto import get_random_string

# The characters of Django's own session keys (lowercase letters and digits), 32 long.
KEY_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789"
KEY_LENGTH = 32


def backend() -> str:
    """What `login()` records as the backend that authenticated the person: the first
    configured one that authenticates with a password (axes' only refuses logins)."""
    from django.contrib.auth import load_backend

    return next(
        path
        for path in settings.AUTHENTICATION_BACKENDS
        if hasattr(load_backend(path), "user_can_authenticate")
    )


def cookie(session_key, csrf_secret):
    """The Cookie header of a browser holding this session and CSRF secret."""
    return (
        f"{settings.SESSION_COOKIE_NAME}={session_key}; {settings.CSRF_COOKIE_NAME}={csrf_secret}"
    )


def open_sessions(user_ids, csrf_secret, *, batch_size=1000):
    """A logged-in session for each user id; returns {user_id: Cookie header}.

    Three queries per thousand people (the users, the insert, the cache copies): the
    time grows with the count, never per person with a round trip.
    """
    engine = import_module(settings.SESSION_ENGINE)
    store_class = engine.SessionStore
    encoder = store_class()
    age = settings.SESSION_COOKIE_AGE
    expires = timezone.now() + timedelta(seconds=age)
    cookies = {}
    authenticated_by = backend()
    ids = list(dict.fromkeys(user_ids))
    for start in range(0, len(ids), batch_size):
        users = get_user_model().objects.filter(pk__in=ids[start : start + batch_size])
        rows, copies = [], {}
        for user in users:
            key = get_random_string(KEY_LENGTH, KEY_CHARACTERS)
            data = {
                SESSION_KEY: str(user.pk),
                BACKEND_SESSION_KEY: authenticated_by,
                HASH_SESSION_KEY: user.get_session_auth_hash(),
            }
            rows.append(
                Session(session_key=key, session_data=encoder.encode(data), expire_date=expires)
            )
            cache_key = getattr(store_class(session_key=key), "cache_key", None)
            if cache_key is not None:
                copies[cache_key] = data
            cookies[user.pk] = cookie(key, csrf_secret)
        Session.objects.bulk_create(rows)
        if copies:
            caches[getattr(settings, "SESSION_CACHE_ALIAS", "default")].set_many(copies, age)
    return cookies
