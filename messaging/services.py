"""Starting conversations, writing in them, reading them and reporting a message.

Every function checks the rules (rules.py) again with the rows as they are now, so a
form that was forged or opened before a membership ended changes nothing: it raises
`NotAllowed`, which the views answer with 404.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from . import attachments, live, notices, rules
from .models import Conversation, Message, Participant, Report


class NotAllowed(Exception):
    """The rules do not let this person do that (the views answer 404)."""


def flooding(user) -> bool:
    """Whether the person wrote too many messages lately (counted in the database, so
    every app server agrees); a message written to many families counts once."""
    since = timezone.now() - timedelta(minutes=settings.PREAU_MESSAGES_WINDOW_MINUTES)
    counts = Message.objects.filter(author=user, created_at__gte=since).aggregate(
        single=Count("pk", filter=Q(batch__isnull=True)),
        batches=Count("batch", distinct=True),
    )
    return counts["single"] + counts["batches"] >= settings.PREAU_MESSAGES_PER_WINDOW


def _participant_ids(conversation) -> set:
    return set(conversation.participants.values_list("user_id", flat=True))


def _deliver(message, participant_ids, *, shared_rows=None, files=None):
    """Attachments, unread marks, live versions, the bell and e-mails of a new message."""
    files = files or {}
    rows = attachments.build(message, **files)
    attachments.save_all(rows, sharing=shared_rows)
    others = participant_ids - {message.author_id}
    fresh = set(
        Participant.objects.filter(conversation_id=message.conversation_id, user_id__in=others)
        .filter(~live.unread_filter())
        .values_list("user_id", flat=True)
    )
    Participant.objects.filter(conversation_id=message.conversation_id, user_id__in=others).update(
        news_at=message.created_at
    )
    Participant.objects.filter(
        conversation_id=message.conversation_id, user_id=message.author_id
    ).update(read_until=message.created_at)
    Conversation.objects.filter(pk=message.conversation_id).update(
        last_message_at=message.created_at
    )
    live.changed(people=participant_ids, conversations=[message.conversation_id])
    pupils = rules.pupil_ids_among(participant_ids)
    notices.ring(message, fresh, pupils)
    notices.email_at_once(message, others - pupils)
    return rows


@transaction.atomic
def start(starter, recipient_ids, *, subject, body, files=None, batch=None, shared_rows=None):
    """A new conversation between `starter` and these people, with its first message."""
    recipient_ids = set(recipient_ids) - {starter.pk}
    if not recipient_ids or rules.refused_people(starter, recipient_ids):
        raise NotAllowed
    everyone = recipient_ids | {starter.pk}
    now = timezone.now()
    conversation = Conversation.objects.create(
        subject=subject,
        started_by=starter,
        supervised_class_id=rules.supervised_class_for(starter, everyone),
        with_pupils=bool(rules.pupil_ids_among(everyone)),
        last_message_at=now,
    )
    Participant.objects.bulk_create(
        [Participant(conversation=conversation, user_id=pk) for pk in sorted(everyone)]
    )
    message = Message.objects.create(
        conversation=conversation, author=starter, body=body, batch=batch
    )
    rows = _deliver(message, everyone, shared_rows=shared_rows, files=files)
    return conversation, rows


@transaction.atomic
def start_with_families(starter, classroom_id, *, subject, body, files=None):
    """One conversation per family of the class (its pupils' parents together), so that
    no family reads another's answer. Returns how many families were written to."""
    if classroom_id not in {pk for pk, _title in rules.contacts_of(starter).family_classes}:
        raise NotAllowed
    from classrooms.models import Guardianship, Membership

    pupils = Membership.objects.filter(
        classroom_id=classroom_id, role=Membership.Role.PUPIL, user__is_active=True
    ).values("user_id")
    families = {}
    for child_id, parent_id in Guardianship.objects.filter(
        child_id__in=pupils, parent__is_active=True
    ).values_list("child_id", "parent_id"):
        families.setdefault(child_id, set()).add(parent_id)
    batch = uuid.uuid4()
    shared = None
    written = 0
    for parents in families.values():
        parents -= {starter.pk}
        if not parents:
            continue
        _conversation, rows = start(
            starter,
            parents,
            subject=subject,
            body=body,
            files=files,
            batch=batch,
            shared_rows=shared,
        )
        shared = shared or rows
        written += 1
    return written


@transaction.atomic
def post(user, conversation, *, body, files=None, reply_to=None):
    """A message in an existing conversation, by one of its people."""
    conversation = (
        # Only the conversation's row is locked: PostgreSQL refuses FOR UPDATE on the
        # nullable side of the outer join select_related() adds.
        Conversation.objects.select_for_update(of=("self",))
        .select_related("started_by")
        .get(pk=conversation.pk)
    )
    participant_ids = _participant_ids(conversation)
    if not rules.may_post(user, conversation, participant_ids):
        raise NotAllowed
    if reply_to is not None and reply_to.conversation_id != conversation.pk:
        raise NotAllowed
    message = Message.objects.create(
        conversation=conversation, author=user, body=body, reply_to=reply_to
    )
    _deliver(message, participant_ids, files=files)
    return message


def mark_read(user, conversation, until=None):
    """The person read the conversation up to its last message (their read mark moves
    forward only); the writers' pages show it."""
    until = until or conversation.last_message_at
    updated = (
        Participant.objects.filter(conversation=conversation, user=user)
        .filter(Q(read_until__isnull=True) | Q(read_until__lt=until))
        .update(read_until=until)
    )
    if updated:
        live.changed(people=[user.pk], conversations=[conversation.pk])
    return bool(updated)


@transaction.atomic
def report(user, message, reason=""):
    """Tell the adults responsible about a message (once per person and message)."""
    conversation = message.conversation
    participant_ids = _participant_ids(conversation)
    report, created = Report.objects.get_or_create(
        message=message, reported_by=user, defaults={"reason": reason}
    )
    if created:
        # Never the author nor the reporter; when they were the only ones responsible
        # (the class's teacher reporting in her pupils' conversation), the directors.
        handlers = rules.report_handlers(
            conversation, participant_ids, exclude={message.author_id, user.pk}
        )
        report.handlers.set(handlers)
        from django.urls import reverse

        from notifications.services import notify

        notify(
            handlers,
            "message_reported",
            url=reverse("messaging:reports"),
            subject=notices.subject_of(conversation),
        )
    return report, created
