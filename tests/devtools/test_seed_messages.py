"""`seed_scale --conversations-per-teacher`: messaging's conversations at scale.

Two tiny schools: the rows are those planned, every conversation's people are allowed
by messaging's rules, the read marks give the unread counts the app computes, and the
option is repeatable and incremental like the rest of the command.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from classrooms.models import Membership
from devtools.scale import plan_messages
from messaging import live, rules
from messaging.models import Conversation, Message, Participant
from tests.devtools.test_seed_scale import plans, seed_scale

pytestmark = pytest.mark.django_db
PER_TEACHER = 3


def planned_conversations(count):
    return [
        c
        for school in plans(count)
        for c in plan_messages.plan_conversations(7, school, PER_TEACHER)
    ]


def test_the_plan_is_drawn_from_the_seed_and_the_school_alone():
    first = planned_conversations(2)
    again = planned_conversations(2)
    assert [(c.subject, len(c.messages)) for c in first] == [
        (c.subject, len(c.messages)) for c in again
    ]
    # Two classes per school, three conversations per teacher.
    assert len(first) == 2 * 2 * PER_TEACHER
    assert any(c.with_pupil for c in first) or len(first) < 8
    for conversation in first:
        assert conversation.messages, "a conversation starts with a message"
        assert conversation.messages[0].author is conversation.starter
        times = [m.minutes_ago for m in conversation.messages]
        assert times == sorted(times, reverse=True)
        for person in conversation.people:
            own = [i + 1 for i, m in enumerate(conversation.messages) if m.author is person]
            assert conversation.read[person.username] >= max(own, default=0)


def test_conversations_are_written_as_planned_and_every_one_is_allowed(portal):
    out, _err = seed_scale(conversations_per_teacher=PER_TEACHER)
    expected = planned_conversations(2)
    assert Conversation.objects.count() == len(expected)
    assert Message.objects.count() == sum(len(c.messages) for c in expected)
    assert Participant.objects.count() == sum(len(c.people) for c in expected)
    assert f"{len(expected)} conversations" in out or str(len(expected)) in out
    pupils = set(
        Membership.objects.filter(role=Membership.Role.PUPIL).values_list("user_id", flat=True)
    )
    for conversation in Conversation.objects.select_related("started_by"):
        people = set(conversation.participants.values_list("user_id", flat=True))
        starter = conversation.started_by
        assert rules.refused_people(starter, people - {starter.pk}) == frozenset()
        assert rules.may_post(starter, conversation, people)
        assert conversation.with_pupils == bool(people & pupils)
        last = conversation.messages.order_by("-created_at").first()
        assert conversation.last_message_at == last.created_at
        assert last.body.startswith("<p>")


def test_unread_marks_are_what_the_counter_and_the_inbox_read(portal, settings):
    seed_scale(conversations_per_teacher=PER_TEACHER)
    unread = [p for p in Participant.objects.all() if p.unread]
    assert unread, "some people have a message to read"
    assert len(unread) < Participant.objects.count()
    person = unread[0].user
    expected = sum(p.unread for p in Participant.objects.filter(user=person))
    assert live._count(person.pk) == expected
    client = Client()
    client.force_login(person)
    answer = client.get(reverse("messaging:inbox"))
    assert answer.status_code == 200
    assert unread[0].conversation.subject in answer.content.decode()
    conversation = client.get(reverse("messaging:conversation", args=[unread[0].conversation_id]))
    assert conversation.status_code == 200
    assert live._count(person.pk) == expected - 1


def test_asked_again_adds_nothing_and_earlier_schools_get_theirs(portal):
    seed_scale()  # no conversations
    assert not Conversation.objects.exists()
    seed_scale(conversations_per_teacher=PER_TEACHER)
    expected = planned_conversations(2)
    assert Conversation.objects.count() == len(expected)
    messages = Message.objects.count()
    seed_scale(conversations_per_teacher=PER_TEACHER)
    assert (Conversation.objects.count(), Message.objects.count()) == (len(expected), messages)
    seed_scale(schools=3, conversations_per_teacher=PER_TEACHER)
    assert Conversation.objects.count() == len(planned_conversations(3))
    users = get_user_model().objects
    assert Conversation.objects.filter(started_by__in=users.filter(username__startswith="s0002."))
