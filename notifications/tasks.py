"""The background task that e-mails notifications to the adults concerned."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django_tasks import task

from . import kinds
from .models import Notification


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """One e-mail per notification, in the portal's language; returns how many left."""
    sent = 0
    notifications = Notification.objects.filter(pk__in=notification_ids).select_related("recipient")
    with translation.override(settings.LANGUAGE_CODE):
        for notification in notifications:
            kind = kinds.get(notification.kind)
            recipient = notification.recipient
            if not (kind and kind.email_subject and recipient.email and recipient.is_active):
                continue
            link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + notification.url
            body = f"{notification.message}\n\n{link}\n"
            send_mail(str(kind.email_subject), body, None, [recipient.email])
            sent += 1
    return sent
