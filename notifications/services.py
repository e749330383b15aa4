"""Sending notifications: one row per person concerned, and an e-mail to adults later.

E-mails never leave inside the request: they are handed to a django-tasks background
task once the transaction that made the notifications commits (tasks.py), and only to
people who have an e-mail address (pupils have none).
"""

from django.db import transaction

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
    kind = kinds.get(kind_name)
    with_email = [n.pk for n in notifications if unique[n.recipient_id].email]
    if kind and kind.email_subject and with_email:
        from .tasks import send_notification_emails

        transaction.on_commit(lambda: send_notification_emails.enqueue(with_email))
    return notifications


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
