"""Messaging's pages cost a fixed number of queries, whatever the number of conversations
or messages (DESIGN.md "Data, services, scale"): the inbox of a teacher with 200
conversations, the header's counter and an open conversation's live news, polled every
2 seconds by every open page."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from classrooms.models import Membership
from messaging import live
from messaging.models import Attachment, Conversation, Message, Participant
from tests import factories

pytestmark = pytest.mark.django_db

# What any logged-in request costs before the view (the session, the user) and what a
# poll may add: a poll answered from the cache reads no messaging table at all.
SMALL = 6


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def partners(world):
    """Pupils of the teacher's class and their parents, to write with."""
    people = []
    for number in range(4):
        pupil = factories.UserFactory(first_name=f"Élève{number}", last_name="Durand")
        factories.MembershipFactory(
            user=pupil, classroom=world.classroom, role=Membership.Role.PUPIL
        )
        parent = factories.UserFactory(first_name=f"Parent{number}", last_name="Durand")
        factories.GuardianshipFactory(parent=parent, child=pupil)
        people += [pupil, parent]
    return people


def add_conversations(user, partners, count):
    """`count` conversations of `user`, of every shape: with a pupil or a parent, with
    two others, unread or read, last message with a file or text. Written in bulk."""
    start = Conversation.objects.count()
    now = timezone.now()
    conversations = Conversation.objects.bulk_create(
        [
            Conversation(
                subject=f"Sujet {start + n}",
                started_by=user,
                last_message_at=now - timedelta(minutes=start + n),
            )
            for n in range(count)
        ]
    )
    places, messages = [], []
    for n, conversation in enumerate(conversations):
        others = [partners[n % len(partners)]]
        if n % 4 == 0:
            others.append(partners[(n + 3) % len(partners)])
        unread = n % 3 == 0
        places.append(
            Participant(
                conversation=conversation,
                user=user,
                news_at=conversation.last_message_at,
                read_until=None if unread else conversation.last_message_at,
            )
        )
        places += [Participant(conversation=conversation, user=other) for other in others]
        messages.append(
            Message(conversation=conversation, author=others[0], body=f"<p>Message {n}</p>")
        )
    Participant.objects.bulk_create(places)
    messages = Message.objects.bulk_create(messages)
    for message in messages[::5]:
        Attachment.objects.create(
            message=message,
            kind=Attachment.Kind.PHOTO,
            name="photo.jpg",
            content_type="image/jpeg",
            file=ContentFile(b"\xff\xd8\xff photo", name="photo.jpg"),
        )
    return conversations


def queries_of(client, url, data=None):
    client.get(url, data)  # warm: what is cached for everyone once is not the question
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data)
    return response, len(captured)


def test_the_inbox_costs_the_same_for_200_conversations_as_for_2(client, world, partners):
    client.force_login(world.teacher)
    add_conversations(world.teacher, partners, 2)
    small, few = queries_of(client, reverse("messaging:inbox"))
    assert small.content.decode().count('class="conversation-item__link"') == 2

    add_conversations(world.teacher, partners, 198)
    large, many = queries_of(client, reverse("messaging:inbox"))
    page = large.content.decode()

    assert many == few, f"{few} queries for 2 conversations, {many} for 200"
    assert page.count('class="conversation-item__link"') == 50  # a page of them
    assert "Sujet 0" in page and "Élève0 D." in page and "Parent0 Durand" in page
    last, last_count = queries_of(client, reverse("messaging:inbox"), {"page": 4})
    assert last_count == few and "Sujet 199" in last.content.decode()


def test_the_counter_costs_a_few_queries_whatever_the_number_of_conversations(
    client, world, partners
):
    client.force_login(world.teacher)
    counter = reverse("messaging:counter")

    def count_after_news():
        live.changed(people=[world.teacher.pk])  # as a new message does: the count is read
        with CaptureQueriesContext(connection) as captured:
            response = client.get(counter, {"v": "autre"})
        assert response.status_code == 200
        return response, len(captured)

    add_conversations(world.teacher, partners, 2)
    _response, few = count_after_news()
    add_conversations(world.teacher, partners, 198)
    response, many = count_after_news()

    assert 'class="badge"><span class="visually-hidden">' in response.content.decode()
    assert ">67</span>" in response.content.decode()  # every third one is unread
    assert many == few <= SMALL


def test_an_unchanged_counter_answers_from_the_cache(client, world, partners):
    client.force_login(world.teacher)
    add_conversations(world.teacher, partners, 20)
    version = client.get(reverse("messaging:inbox")).context["messages_version"]

    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("messaging:counter"), {"v": str(version)})

    assert response.status_code == 204
    assert not [q for q in captured if "messaging_" in q["sql"]], "a messaging table was read"
    assert len(captured) <= SMALL


def add_messages(conversation, authors, count):
    now = timezone.now()
    Message.objects.bulk_create(
        [
            Message(
                conversation=conversation,
                author=authors[n % len(authors)],
                body=f"<p>Ligne {n}</p>",
                reply_to=None,
            )
            for n in range(count)
        ]
    )
    for message in Message.objects.filter(conversation=conversation).order_by("-pk")[:count:7]:
        Attachment.objects.create(
            message=message,
            kind=Attachment.Kind.DOCUMENT,
            name="liste.txt",
            content_type="text/plain",
            file=ContentFile(b"liste", name="liste.txt"),
        )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)


def test_the_live_news_costs_the_same_for_150_messages_as_for_3(client, world):
    conversation = Conversation.objects.create(
        subject="Sortie", started_by=world.parent, last_message_at=timezone.now()
    )
    for person in (world.parent, world.teacher):
        Participant.objects.create(conversation=conversation, user=person)
    client.force_login(world.teacher)
    news = reverse("messaging:news", kwargs={"conversation_id": conversation.pk})
    add_messages(conversation, [world.parent, world.teacher], 3)
    small, few = queries_of(client, news, {"apres": "0", "v": "autre"})
    assert small.content.decode().count("Ligne ") == 3

    add_messages(conversation, [world.parent, world.teacher], 147)
    large, many = queries_of(client, news, {"apres": "0", "v": "autre"})

    assert large.content.decode().count("Ligne ") == 150
    assert many == few, f"{few} queries for 3 messages, {many} for 150"


def test_unchanged_news_answer_from_the_cache(client, world):
    conversation = Conversation.objects.create(
        subject="Sortie", started_by=world.parent, last_message_at=timezone.now()
    )
    for person in (world.parent, world.teacher):
        Participant.objects.create(conversation=conversation, user=person)
    add_messages(conversation, [world.parent], 30)
    client.force_login(world.teacher)
    url = reverse("messaging:conversation", kwargs={"conversation_id": conversation.pk})
    page = client.get(url)
    news = reverse("messaging:news", kwargs={"conversation_id": conversation.pk})

    with CaptureQueriesContext(connection) as captured:
        seen = {"apres": page.context["last_id"], "v": page.context["version"]}
        response = client.get(news, seen)

    assert response.status_code == 204
    assert not [q for q in captured if "messaging_" in q["sql"]], "a messaging table was read"
    assert len(captured) <= SMALL
