"""What changes while a person looks: their unread count, an open conversation.

Each person's messages and each conversation have a version in the shared cache
(performance/versions.py), replaced when a message arrives or is read. The page polls
with the version it shows (every 2 seconds, htmx): when the version is the same, the
answer is an empty 204 read from the cache alone, without the database; otherwise the
new messages or count are read and sent. Thousands of open pages thus cost one cache
read each per poll, whatever the number of schools.
"""

from django.db.models import F, Q

from performance import versions

from .models import Participant

POLL_SECONDS = 2
# The status that tells htmx to stop polling (the session ended: no login page swapped in).
STOP_POLLING = 286


def inbox_scope(user_id) -> str:
    return f"messages:{user_id}"


def conversation_scope(conversation_id) -> str:
    return f"conversation:{conversation_id}"


def inbox_version(user_id) -> str:
    return versions.current(inbox_scope(user_id)) if versions.enabled() else ""


def conversation_version(conversation_id) -> str:
    return versions.current(conversation_scope(conversation_id)) if versions.enabled() else ""


def unchanged(scope, seen) -> bool:
    """Whether the version the page shows is still the current one (no database)."""
    return bool(seen) and versions.enabled() and versions.current(scope) == seen


def changed(*, people=(), conversations=()) -> None:
    """Messages arrived or were read: open pages read again. Nothing is taken away from
    anyone, so the change stands even when the cache does not hear of it."""
    versions.bump(
        *(inbox_scope(pk) for pk in people),
        *(conversation_scope(pk) for pk in conversations),
        guards_access=False,
    )


def unread_filter():
    return Q(news_at__isnull=False) & (Q(read_until__isnull=True) | Q(news_at__gt=F("read_until")))


def _count(user_id) -> int:
    return Participant.objects.filter(unread_filter(), user_id=user_id).count()


def unread_count(user) -> int:
    """How many conversations have a message this person has not read, kept under their
    own messaging version."""
    if not (user.is_authenticated and user.is_active):
        return 0
    return versions.cached(
        f"messaging-unread:{user.pk}", (inbox_scope(user.pk),), lambda: _count(user.pk)
    )
