"""Sending notifications: one row per person concerned, and an e-mail to adults later.

E-mails never leave inside the request: they are handed to a django-tasks background
task once the transaction that made the notifications commits (tasks.py), and only to
people who have an e-mail address (pupils have none).
"""

from django.db import transaction

from . import kinds
from .models import Notification
from .unread import forget_unread


def notify(recipients, kind_name, *, url="", **params):
    """Tell each of these people (duplicates and the inactive are skipped)."""
    unique = {
        recipient.pk: recipient for recipient in recipients if recipient and recipient.is_active
    }
    if not unique:
        return []
    notifications = Notification.objects.bulk_create(
        [
            Notification(recipient=recipient, kind=kind_name, params=params, url=url)
            for recipient in unique.values()
        ]
    )
    forget_unread(unique)
    kind = kinds.get(kind_name)
    with_email = [n.pk for n in notifications if unique[n.recipient_id].email]
    if kind and kind.email_subject and with_email:
        from .tasks import send_notification_emails

        transaction.on_commit(lambda: send_notification_emails.enqueue(with_email))
    return notifications


def notification_changed(sender, instance, **kwargs):
    """One notification saved or deleted: its recipient's unread count is read again."""
    forget_unread([instance.recipient_id])
