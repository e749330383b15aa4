"""Ending every session as an expiry or a lost session store does, whatever the engine.

With Redis, sessions live in the database with a copy in the cache (`cached_db`):
deleting the rows alone leaves the copy, which still logs the person in for minutes.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session


def end_every_session():
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in Session.objects.values_list("session_key", flat=True):
        store(session_key=key).delete()
