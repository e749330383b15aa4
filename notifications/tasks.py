"""The background tasks: e-mails at once, the daily digest at its hour, and the badge
of pupils whose held notifications show (quiet.py)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django_tasks import task

from . import digest, kinds, quiet
from .models import Notification
from .unread import forget_unread

logger = logging.getLogger(__name__)


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
            link = digest.absolute(notification.url)
            body = f"{notification.message}\n\n{link}\n"
            send_mail(str(kind.email_subject), body, None, [recipient.email])
            sent += 1
    return sent


@task()
def send_daily_digests() -> int:
    """Send the day's digests, then, when the backend defers tasks (django_tasks_db and
    `manage.py db_worker` in production), come back at the next PREAU_DIGEST_HOUR.
    With a backend that cannot defer, cron runs `manage.py send_daily_digests`."""
    sent = digest.send_digests()
    schedule_next_digest()
    return sent


def schedule_next_digest():
    """Enqueue the next run of the digest, or return None when the backend cannot defer."""
    if not send_daily_digests.get_backend().supports_defer:
        return None
    run_after = digest.next_digest_time(quiet.now())
    logger.info("Next daily digest at %s", run_after.isoformat())
    return send_daily_digests.using(run_after=run_after).enqueue()


@task()
def reveal_held(user_ids: list[int]) -> None:
    """School hours begin: these pupils' badges are read again (notifications.services)."""
    forget_unread(user_ids)
