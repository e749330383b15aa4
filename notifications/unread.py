"""The unread count of the header's badge, read with the rest of what a person is.

Notifications is a service other apps use; it knows none of them. The app that reads
what a person is in one query (classrooms/person.py) takes `unread_arm` as one arm of
that query and tells this module how to read the arm's rows back (`read_rows_with`),
from its AppConfig.ready() (classrooms/notification_wiring.py): the badge then costs no
query of its own. Without that reader, the count is one query.

The person is kept between requests under their own version (performance/versions.py):
a notification sent or read replaces it (`forget_unread`).
"""

from collections.abc import Callable

from accounts.people import is_active_person
from performance import versions

from . import quiet
from .models import Notification

UNREAD = "unread_notifications"

# (user, kind) → the rows of that arm in what the person is, or None (no such reader).
_read_rows: Callable | None = None


def read_rows_with(reader: Callable) -> None:
    """Called from an AppConfig.ready(): where the rows of `unread_arm` are read back."""
    global _read_rows
    _read_rows = reader


def shown(now):
    """Not held (quiet.py): shown from its creation, or its time has come. The first
    test needs no clock, so app servers and the database may disagree by a second
    without hiding anything."""
    from django.db.models import F, Q

    return Q(visible_from__lte=F("created_at")) | Q(visible_from__lte=now)


def visible_to(user):
    """The person's notifications in the bell: not turned off, not held (quiet.py)."""
    return Notification.objects.filter(shown(quiet.now()), recipient=user, in_bell=True)


def unread_arm(user, row):
    """The unread count, as one arm of what a person is: `row` builds it with the
    union's columns (classrooms/person.py)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count, OuterRef, Subquery
    from django.db.models.functions import Coalesce, Now

    # The union's SQL is compiled once (classrooms/person_query.py): the database's clock.
    unread = (
        Notification.objects.filter(shown(Now()), recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(count=Count("pk"))
        .values("count")
    )
    people = get_user_model().objects.filter(pk=user.pk)
    counted = people.annotate(unread=Coalesce(Subquery(unread), 0))
    return row(counted, UNREAD, number="unread")


def unread_count(user) -> int:
    """Read with the rest of what the person is, once per request (see the module)."""
    if not is_active_person(user):
        return 0
    if _read_rows is None:
        return visible_to(user).filter(read_at__isnull=True).count()
    rows = _read_rows(user, UNREAD)
    return rows[0][0] if rows else 0  # the arm's `number`


def forget_unread(user_ids) -> None:
    """These people's unread count changed: read what they are again on their next page.
    A notification takes nothing away from anyone: the change stands even when the cache
    cannot hear of it (performance/versions.py)."""
    versions.bump(*(versions.person_scope(pk) for pk in user_ids if pk), guards_access=False)
