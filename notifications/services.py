"""Sending notifications: one row per person concerned, and an e-mail to adults later.

Each person's choice for the kind's group is read in one query (preferences.py): the
bell or not, an e-mail at once, in the daily digest (digest.py) or never. E-mails never
leave inside the request: they are handed to a django-tasks background task once the
transaction that made the notifications commits (tasks.py), and only to people who have
an e-mail address (pupils have none). A pupil's notification written outside school
hours waits for them (quiet.py).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

from . import kinds, preferences, quiet
from .models import EmailChoice, Notification
from .unread import forget_unread

# Kinds nobody is told of inside `without()`.
_silenced: ContextVar[frozenset] = ContextVar("notifications_silenced", default=frozenset())


@contextmanager
def without(*kind_names):
    """Nobody is told of these kinds inside the block: for the demo loader, whose story
    happened in the past (its pages are published for the first time as it runs)."""
    token = _silenced.set(_silenced.get() | frozenset(kind_names))
    try:
        yield
    finally:
        _silenced.reset(token)


def notify(recipients, kind_name, *, url="", **params):
    """Tell each of these people (duplicates and the inactive are skipped)."""
    if kind_name in _silenced.get():
        return []
    unique = {
        recipient.pk: recipient for recipient in recipients if recipient and recipient.is_active
    }
    if not unique:
        return []
    kind = kinds.get(kind_name)
    group = kind.group if kind else ""
    choices = preferences.choices_for(unique, group)
    moment = quiet.now()
    held = quiet.held_until(moment)
    pupils = quiet.pupils_among(unique) if held else set()
    rows = []
    for pk, recipient in unique.items():
        choice = choices[pk]
        wants_email = bool(recipient.email) and choice.email != EmailChoice.NEVER
        if not choice.in_app and not wants_email:
            continue
        rows.append(
            Notification(
                recipient=recipient,
                kind=kind_name,
                params=params,
                url=url,
                # created_at is set on saving, a moment later: shown at once (unread.py).
                visible_from=held if pk in pupils else moment,
                in_bell=choice.in_app,
                # Out of the bell: never counted as unread.
                read_at=None if choice.in_app else moment,
            )
        )
    notifications = Notification.objects.bulk_create(rows)
    forget_unread([n.recipient_id for n in notifications if n.in_bell])
    if pupils and held:
        _reveal_later([n.recipient_id for n in notifications if n.recipient_id in pupils], held)
    with_email = [
        n.pk
        for n in notifications
        if unique[n.recipient_id].email and choices[n.recipient_id].email == EmailChoice.IMMEDIATE
    ]
    if kind and kind.email_subject and with_email:
        from .tasks import send_notification_emails

        transaction.on_commit(lambda: send_notification_emails.enqueue(with_email))
    return notifications


def take_back(kind_name, urls) -> None:
    """Unsay the unread notifications of this kind pointing to these addresses (one per
    language the notice may have been written in): what they announced is no longer so
    (a pupil took back the entry a teacher was told of)."""
    unread = Notification.objects.filter(kind=kind_name, url__in=urls, read_at__isnull=True)
    recipients = list(unread.values_list("recipient_id", flat=True))
    unread.delete()
    forget_unread(recipients)


def _reveal_later(user_ids, when) -> None:
    """The badge is kept with the person between requests: have it read again when the
    held notifications show. Without a worker that defers tasks, the badge catches up
    when the person's cached rows expire (PREAU_VERSION_SECONDS)."""
    if not user_ids:
        return
    from .tasks import reveal_held

    if reveal_held.get_backend().supports_defer:
        ids = list(user_ids)
        transaction.on_commit(lambda: reveal_held.using(run_after=when).enqueue(ids))


def notification_changed(sender, instance, **kwargs):
    """One notification saved or deleted: its recipient's unread count is read again."""
    forget_unread([instance.recipient_id])
