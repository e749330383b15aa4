"""A school's planned conversations (plan_messages), in bulk, as messaging leaves them.

The rows `messaging.services.start` and `post` write: the conversation (who started it,
whether a pupil is in it, the time of its last message), its participants with how far
each read it (`read_until`) and when the others last wrote (`news_at`, what the inbox
and the header's counter read), and the messages, their text as the message form
cleans it. Dates are in the past (`raw` inserts), a few queries per school.

Not written: the bell's notifications of these messages and their e-mails (the counter
and the inbox read the participants' rows, not the bell), attachments, reports.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.functions import Substr

from classrooms.forms import clean_text
from messaging.models import Conversation, Message, Participant

from . import bulk
from .plan import school_prefix


def schools_with_conversations(using="default") -> set[str]:
    """The prefixes ("s0007") of the synthetic schools whose conversations are written."""
    return set(
        Conversation.objects.using(using)
        .filter(started_by__username__regex=r"^s[0-9]{4}\.")
        .annotate(prefix=Substr("started_by__username", 1, 5))
        .values_list("prefix", flat=True)
        .distinct()
    )


def has_conversations(school, written) -> bool:
    return school_prefix(school.index) in written


def write_conversations(conversations, *, now, using="default") -> dict[str, int]:
    """Write these planned conversations (of one school) in one transaction; a
    conversation one of whose people is missing (another --pupils-per-class) is left
    out. Returns the counts written."""
    usernames = {person.username for c in conversations for person in c.people}
    ids = dict(
        get_user_model()
        .objects.using(using)
        .filter(username__in=usernames)
        .values_list("username", "pk")
    )
    conversations = [c for c in conversations if all(p.username in ids for p in c.people)]
    if not conversations:
        return {"conversations": 0, "messages": 0}

    def at(message):
        return now - timedelta(minutes=message.minutes_ago)

    rows = [
        Conversation(
            subject=planned.subject,
            started_by_id=ids[planned.starter.username],
            supervised_class=None,  # an adult is in every one
            with_pupils=planned.with_pupil,
            created_at=at(planned.messages[0]),
            last_message_at=at(planned.messages[-1]),
        )
        for planned in conversations
    ]
    with transaction.atomic(using=using):
        bulk.insert(Conversation, rows, using=using, raw=True)
        places, messages = [], []
        for planned, conversation in zip(conversations, rows, strict=True):
            for person in planned.people:
                read = planned.read[person.username]
                theirs = [m for m in planned.messages if m.author is not person]
                places.append(
                    Participant(
                        conversation_id=conversation.pk,
                        user_id=ids[person.username],
                        read_until=at(planned.messages[read - 1]) if read else None,
                        news_at=at(theirs[-1]) if theirs else None,
                    )
                )
            for message in planned.messages:
                messages.append(
                    Message(
                        conversation_id=conversation.pk,
                        author_id=ids[message.author.username],
                        body=clean_text(message.text),
                        created_at=at(message),
                    )
                )
        bulk.insert(Participant, places, using=using, raw=True)
        bulk.insert(Message, messages, using=using, raw=True)
    return {"conversations": len(rows), "messages": len(messages)}
