"""Sending notifications: one row per person concerned, and an e-mail to adults later.

E-mails never leave inside the request: they are handed to a django-tasks background
task once the transaction that made the notifications commits (tasks.py), and only to
people who have an e-mail address (pupils have none).
"""

from django.db import transaction

from accounts.people import is_active_person
from classrooms import person

from . import kinds
from .models import Notification


def notify(recipients, kind_name, *, url="", **params):
    """Tell each of these people (duplicates and the inactive are skipped)."""
    unique = {person.pk: person for person in recipients if person and person.is_active}
    if not unique:
        return []
    notifications = Notification.objects.bulk_create(
        [
            Notification(recipient=person, kind=kind_name, params=params, url=url)
            for person in unique.values()
        ]
    )
    # Their unread count, read with what they are; a notification takes nothing away from
    # anyone: it stands even when the cache cannot hear of it (performance/versions.py).
    person.forget(unique, guards_access=False)
    kind = kinds.get(kind_name)
    with_email = [n.pk for n in notifications if unique[n.recipient_id].email]
    if kind and kind.email_subject and with_email:
        from .tasks import send_notification_emails

        transaction.on_commit(lambda: send_notification_emails.enqueue(with_email))
    return notifications


UNREAD = "unread_notifications"


def unread_arm(user, row):
    """The unread count, as one row of what a person is (classrooms/person.py)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(count=Count("pk"))
        .values("count")
    )
    people = get_user_model().objects.filter(pk=user.pk)
    counted = people.annotate(unread=Coalesce(Subquery(unread), 0))
    return row(counted, UNREAD, "unread", None, None, None, None, None, None, None)


def notification_changed(sender, instance, **kwargs):
    """One notification saved or deleted: its recipient's unread count is read again."""
    person.forget([instance.recipient_id], guards_access=False)


def unread_count(user) -> int:
    """Read with the rest of what the person is, once per request (classrooms/person.py)."""
    from classrooms.person import person_of

    if not is_active_person(user):
        return 0
    rows = person_of(user).extra.get(UNREAD, [])
    return rows[0][0] if rows else 0
