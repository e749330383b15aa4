"""Messaging through the pages its people use: a parent writes to the teacher, the
teacher answers, read marks, the live news, a pupil reports a message, the header's
count, and the teacher writes to every family of her class."""

import pytest
from django.urls import reverse

from classrooms.models import Membership
from messaging import services
from messaging.models import Conversation, Message, Participant, Report
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db


def write(client, to, body="Bonjour", subject="Sortie", **extra):
    return client.post(
        reverse("messaging:new"),
        {"to": [person.pk for person in to], "subject": subject, "body": body, **extra},
    )


def test_a_parent_writes_to_the_teacher_who_answers(client, world):
    client.force_login(world.parent)
    page = client.get(reverse("messaging:new")).content.decode()
    assert "Claire Durand" in page and "Anne Roux" in page
    assert "Tom P." not in page and "Paul Blanc" not in page
    response = write(client, [world.teacher], body="Léa sera absente demain.")
    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert response.url == reverse(
        "messaging:conversation", kwargs={"conversation_id": conversation.pk}
    )
    assert (
        Notification.objects.filter(recipient=world.teacher, kind="message_to_adult").count() == 1
    )

    client.force_login(world.teacher)
    inbox = client.get(reverse("messaging:inbox")).content.decode()
    assert "Sophie Martin" in inbox and "Léa sera absente demain." in inbox
    assert Participant.objects.get(user=world.teacher).unread
    page = client.get(response.url).content.decode()
    assert "Léa sera absente demain." in page
    assert not Participant.objects.get(user=world.teacher).unread
    client.post(response.url, {"body": "Merci, bonne journée."})
    assert Message.objects.count() == 2

    client.force_login(world.parent)
    page = client.get(response.url).content.decode()
    assert "Merci, bonne journée." in page and 'id="read-' in page


def test_the_live_news_sends_only_what_changed(client, world):
    client.force_login(world.parent)
    write(client, [world.teacher], body="Premier")
    conversation = Conversation.objects.get()
    client.force_login(world.teacher)
    page = client.get(
        reverse("messaging:conversation", kwargs={"conversation_id": conversation.pk})
    )
    version = page.context["version"]
    last_id = page.context["last_id"]
    news_url = reverse("messaging:news", kwargs={"conversation_id": conversation.pk})
    nothing = client.get(news_url, {"apres": last_id, "v": version})
    assert nothing.status_code == 204

    client.force_login(world.parent)
    client.post(
        reverse("messaging:conversation", kwargs={"conversation_id": conversation.pk}),
        {"body": "Deuxième"},
    )
    client.force_login(world.teacher)
    news = client.get(news_url, {"apres": last_id, "v": version})
    assert news.status_code == 200
    text = news.content.decode()
    assert "Deuxième" in text and "Premier" not in text


def test_the_header_counts_unread_conversations_live(client, world):
    client.force_login(world.teacher)
    page = client.get(reverse("messaging:inbox"))
    version = page.context["messages_version"]
    counter = reverse("messaging:counter")
    assert client.get(counter, {"v": str(version)}).status_code == 204
    client.force_login(world.parent)
    write(client, [world.teacher])
    client.force_login(world.teacher)
    answer = client.get(counter, {"v": str(version)})
    assert answer.status_code == 200 and 'class="badge"' in answer.content.decode()


def test_a_forged_recipient_gets_404_and_nothing_is_written(client, world):
    client.force_login(world.pupil)
    other_parent = factories.UserFactory(first_name="Marc", last_name="Petit")
    factories.GuardianshipFactory(parent=other_parent, child=world.other_pupil)
    page = client.get(reverse("messaging:new")).content.decode()
    assert "Marc Petit" not in page and "Sophie Martin" not in page
    response = write(client, [other_parent])
    assert response.status_code == 404  # not a choice of the picker: a forged request
    assert not Conversation.objects.exists()
    mixed = write(client, [world.teacher, other_parent])
    assert mixed.status_code == 404
    assert not Conversation.objects.exists()


def test_a_pupil_reports_and_the_teacher_is_told(client, world):
    client.force_login(world.teacher)
    write(client, [world.pupil], body="Ton exposé est prêt ?")
    message = Message.objects.get()
    client.force_login(world.pupil)
    response = client.post(
        reverse("messaging:report", kwargs={"message_id": message.pk}), {"reason": ""}
    )
    assert response.status_code == 302
    # The author is the teacher: the report goes to the class's teachers but not its author.
    report = Report.objects.get()
    assert world.teacher not in report.handlers.all()


def test_a_teacher_writes_to_every_family_of_her_class(client, world):
    second = factories.UserFactory(first_name="Hugo", last_name="Bernard")
    factories.MembershipFactory(user=second, classroom=world.classroom, role=Membership.Role.PUPIL)
    father = factories.UserFactory(first_name="Paul", last_name="Bernard")
    mother = factories.UserFactory(first_name="Julie", last_name="Bernard")
    factories.GuardianshipFactory(parent=father, child=second)
    factories.GuardianshipFactory(parent=mother, child=second)
    client.force_login(world.teacher)
    response = client.post(
        reverse("messaging:new"),
        {"families_of": world.classroom.pk, "subject": "Sortie", "body": "Sortie vendredi."},
    )
    assert response.status_code == 302
    conversations = Conversation.objects.all()
    assert conversations.count() == 2
    groups = sorted(
        sorted(
            c.participants.exclude(user=world.teacher).values_list("user__first_name", flat=True)
        )
        for c in conversations
    )
    assert groups == [["Julie", "Paul"], ["Sophie"]]


def test_polls_stop_once_the_session_ended(client, world):
    conversation, _rows = services.start(
        world.parent, [world.teacher.pk], subject="", body="<p>Un</p>"
    )
    assert client.get(reverse("messaging:counter"), {"v": "x"}).status_code == 286
    news = reverse("messaging:news", kwargs={"conversation_id": conversation.pk})
    assert client.get(news, {"v": "x"}).status_code == 286


def test_a_pupil_is_addressed_with_tu_and_an_adult_with_vous(client, world):
    """The message field of a pupil says "Ton message", an adult's "Votre message",
    on the new-message page and in a conversation, and so does the over-long error."""
    client.force_login(world.teacher)
    write(client, [world.pupil], body="Bonjour Léa")
    conversation = Conversation.objects.get()
    url = reverse("messaging:conversation", kwargs={"conversation_id": conversation.pk})
    assert "Votre message" in client.get(url).content.decode()
    assert "Votre message" in client.get(reverse("messaging:new")).content.decode()

    client.force_login(world.pupil)
    for page in (client.get(url), client.get(reverse("messaging:new"))):
        text = page.content.decode()
        assert "Ton message" in text and "Votre message" not in text
    too_long = client.post(url, {"body": "a" * 5001}).content.decode()
    assert "Ton message fait 5001 caractères" in too_long
    assert Message.objects.count() == 1
