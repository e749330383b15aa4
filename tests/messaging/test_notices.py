"""What messaging tells people outside the conversation: the bell once per unread
conversation, an e-mail at once or in a daily summary as each adult chose, and never
the words of a conversation with a pupil in an e-mail."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from messaging import services
from notifications import kinds
from notifications.models import EmailChoice, Notification, NotificationPreference

pytestmark = pytest.mark.django_db


@pytest.fixture
def adults(world):
    world.teacher.email = "claire.durand@example.org"
    world.teacher.save()
    world.parent.email = "sophie.martin@example.org"
    world.parent.save()
    return world


def test_an_adult_gets_an_email_at_once_quoting_a_conversation_between_adults(
    adults, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.start(
            adults.parent,
            [adults.teacher.pk],
            subject="Cantine",
            body="<p>Léa mange à la cantine jeudi.</p>",
        )
    assert [m.to for m in mail.outbox] == [["claire.durand@example.org"]]
    assert "Léa mange à la cantine jeudi." in mail.outbox[0].body
    assert "/messages/" in mail.outbox[0].body


def test_an_email_never_quotes_a_conversation_with_a_pupil(
    adults, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        conversation, _rows = services.start(
            adults.teacher,
            [adults.pupil.pk, adults.parent.pk],
            subject="Exposé",
            body="<p>Le secret de l'exposé est caché.</p>",
        )
    assert [m.to for m in mail.outbox] == [["sophie.martin@example.org"]]
    assert "secret" not in mail.outbox[0].body
    assert conversation.with_pupils


def test_the_bell_rings_once_per_conversation_until_it_is_read(adults, client):
    conversation, _rows = services.start(
        adults.parent, [adults.teacher.pk], subject="A", body="<p>Un</p>"
    )
    services.post(adults.parent, conversation, body="<p>Deux</p>")
    assert Notification.objects.filter(recipient=adults.teacher).count() == 1
    client.force_login(adults.teacher)
    client.get(reverse("messaging:conversation", kwargs={"conversation_id": conversation.pk}))
    services.post(adults.parent, conversation, body="<p>Trois</p>")
    assert Notification.objects.filter(recipient=adults.teacher).count() == 2


def test_a_pupil_is_told_with_tu_and_gets_no_email(adults):
    services.start(
        adults.teacher, [adults.pupil.pk], subject="Leçon", body="<p>Voici la leçon.</p>"
    )
    notification = Notification.objects.get(recipient=adults.pupil)
    assert notification.kind == "message_to_pupil"
    assert not mail.outbox


def test_the_daily_summary_lists_unread_messages_once(adults, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(
        user=adults.teacher, group="messages", email=EmailChoice.DAILY
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.start(
            adults.parent,
            [adults.teacher.pk],
            subject="Sortie",
            body="<p>Merci pour la sortie.</p>",
        )
    assert not mail.outbox  # not at once
    call_command("send_daily_digests")
    assert [m.to for m in mail.outbox] == [["claire.durand@example.org"]]
    assert "Merci pour la sortie." in mail.outbox[0].body
    call_command("send_daily_digests")
    assert len(mail.outbox) == 1  # nothing new since the last summary
    call_command("send_message_digests")  # the old command, kept for existing cron lines
    assert len(mail.outbox) == 1


def test_never_means_no_email(adults, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(
        user=adults.teacher, group="messages", email=EmailChoice.NEVER
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.start(adults.parent, [adults.teacher.pk], subject="A", body="<p>Un</p>")
    call_command("send_daily_digests")
    assert not mail.outbox


def test_the_daily_summary_never_quotes_a_conversation_with_a_pupil(
    adults, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(
        user=adults.parent, group="messages", email=EmailChoice.DAILY
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.start(
            adults.teacher,
            [adults.pupil.pk, adults.parent.pk],
            subject="Exposé",
            body="<p>Le secret de l'exposé est caché.</p>",
        )
    assert not mail.outbox
    call_command("send_daily_digests")
    assert [m.to for m in mail.outbox] == [["sophie.martin@example.org"]]
    assert "Exposé" in mail.outbox[0].body and "secret" not in mail.outbox[0].body


def test_an_adult_chooses_on_the_one_preferences_page(adults, client):
    """Messaging's settings page sends to the notification preferences, where the
    "messages" group's e-mail choice is the one messaging reads."""
    client.force_login(adults.parent)
    settings_page = client.get(reverse("messaging:settings")).content.decode()
    assert reverse("notifications:preferences") in settings_page
    data = {f"{group}-in_app": "on" for group in ("class_work", "comments", "messages")}
    # Every group of the page needs its e-mail choice (kinds.groups(): apps add theirs).
    data |= {f"{group.name}-email": "immediate" for group in kinds.groups()}
    data["messages-email"] = "daily"
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 302
    chosen = NotificationPreference.objects.get(user=adults.parent, group="messages")
    assert chosen.email == EmailChoice.DAILY


def test_no_emails_holds_back_the_emails_of_messages_written_inside_it(
    adults, django_capture_on_commit_callbacks
):
    """The demo loader writes its conversations inside no_emails(): the bell rings, no
    e-mail leaves, and messages written after the block are e-mailed again."""
    from messaging.notices import no_emails

    with django_capture_on_commit_callbacks(execute=True), no_emails():
        conversation, _rows = services.start(
            adults.parent, [adults.teacher.pk], subject="Absence", body="<p>Léa est malade.</p>"
        )
        services.post(adults.teacher, conversation, body="<p>Merci de me prévenir.</p>")
    assert not mail.outbox
    assert Notification.objects.filter(recipient=adults.teacher).count() == 1
    assert Notification.objects.filter(recipient=adults.parent).count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        services.post(adults.parent, conversation, body="<p>Elle revient lundi.</p>")
    assert [m.to for m in mail.outbox] == [["claire.durand@example.org"]]
