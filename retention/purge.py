"""The purge: what the retention table (table.py) says is due, deleted or anonymised.

`purge(now)` runs one function per rule of the table, in one transaction, and returns
how many rows each touched; with `dry_run` the transaction is rolled back, so the counts
are exactly what a real run would do and nothing changes (files of messages leave the
disk only once a deletion is committed, messaging/signal_handlers.py).

An account is deleted only if it is still without a place on its day (a person who came
back is reopened instead) and never when it is a superuser's.
"""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import anonymise, table
from .deactivation import reactivate
from .models import ScheduledDeletion
from .places import has_place


def _cut(now, key):
    item = table.rule(key)
    return now - timedelta(**{item.unit: item.limit})


def purge_accounts(now) -> dict:
    today = timezone.localdate(now)
    deleted = reopened = 0
    for row in ScheduledDeletion.objects.filter(delete_on__lte=today).select_related("user"):
        user = row.user
        if user.is_superuser:
            row.delete()
            continue
        if has_place(user):
            reactivate(user)
            reopened += 1
            continue
        anonymise.before_account_deletion(user)
        user.delete()
        deleted += 1
    return {"accounts": deleted, "accounts_reopened": reopened}


def purge_archives(now) -> dict:
    return {"archives": anonymise.expired_archives(timezone.localdate(now), now)}


def _delete(queryset) -> int:
    return queryset.delete()[1].get(queryset.model._meta.label, 0)


def _forget_unread_of(queryset):
    from notifications.unread import forget_unread

    user_ids = set(queryset.filter(read_at=None).values_list("recipient_id", flat=True))
    if user_ids:
        transaction.on_commit(lambda: forget_unread(user_ids))


def purge_notifications(now) -> dict:
    from notifications.models import Notification

    read = Notification.objects.filter(
        read_at__isnull=False, created_at__lt=_cut(now, "read_notifications")
    )
    counts = {"read_notifications": _delete(read)}
    old = Notification.objects.filter(created_at__lt=_cut(now, "notifications"))
    _forget_unread_of(old)
    counts["notifications"] = _delete(old)
    return counts


def purge_login_records(now) -> dict:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    attempts = AccessAttempt.objects.filter(attempt_time__lt=_cut(now, "login_failures"))
    cut = _cut(now, "login_records")
    return {
        "login_failures": _delete(attempts),
        "login_records": _delete(AccessLog.objects.filter(attempt_time__lt=cut))
        + _delete(AccessFailureLog.objects.filter(attempt_time__lt=cut)),
    }


def purge_task_results(now) -> dict:
    if not apps.is_installed("django_tasks_db"):
        return {"task_results": 0}
    from django_tasks_db.models import DBTaskResult

    finished = DBTaskResult.objects.finished().filter(finished_at__lt=_cut(now, "task_results"))
    return {"task_results": _delete(finished)}


def purge_messages(now) -> dict:
    from messaging.models import Conversation, Message

    cut = _cut(now, "messages")
    count = _delete(Message.objects.filter(created_at__lt=cut))
    Conversation.objects.filter(created_at__lt=cut, messages__isnull=True).delete()
    return {"messages": count}


STEPS = [
    purge_accounts,
    purge_archives,
    purge_notifications,
    purge_login_records,
    purge_task_results,
    purge_messages,
]


def purge(*, now=None, dry_run=False) -> dict:
    """Run every rule of the table; rule key → rows deleted or anonymised."""
    now = now or timezone.now()
    counts = {}
    with transaction.atomic():
        for step in STEPS:
            counts.update(step(now))
        if dry_run:
            transaction.set_rollback(True)
    assert {item.key for item in table.RULES} <= set(counts), "a rule without its step"
    return counts


def deletion_notice_day(now):
    """Accounts deleted on or before this day are announced to directors today."""
    return timezone.localdate(now) + timedelta(days=settings.PREAU_DELETION_NOTICE_DAYS)
