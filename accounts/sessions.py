"""Ending a person's other sessions when their account's protection changes."""

import secrets

from django.contrib.auth import update_session_auth_hash


def end_other_sessions(request, user):
    """Every session of `user` but this request's stops at its next request (it no longer
    matches the account's session hash); this one goes on. One UPDATE, whatever the number
    of sessions, and no query on other requests: the stamp is read with the user's row."""
    user.session_stamp = secrets.token_hex(16)
    user.save(update_fields=["session_stamp"])
    update_session_auth_hash(request, user)
