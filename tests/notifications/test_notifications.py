"""Notifications: each person reads their own, the badge counts the unread, adults get
an e-mail from the background task and pupils none."""

import pytest
from django.core import mail
from django.urls import reverse

from notifications.models import Notification
from notifications.services import notify

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")


def test_each_person_reads_only_their_own_and_the_list_marks_nothing(client, world):
    notify(
        [world.pupil], "comment_on_your_entry", url="/x/", author="Hugo M.", entry="Nos haricots"
    )
    notify([world.parent], "comment_approved", url="/y/", entry="Le potager")
    client.force_login(world.pupil)
    header = client.get(world.classroom.url).content.decode()
    assert 'class="badge"' in header and "non lues" in header
    html = client.get(LIST).content.decode()
    assert "Hugo M. a laissé un commentaire sur ton article « Nos haricots »." in html
    assert "Le potager" not in html
    # Looking at the list is not reading: the badge stays until opened or marked.
    assert Notification.objects.filter(recipient=world.pupil, read_at__isnull=True).exists()
    assert 'class="badge"' in client.get(world.classroom.url).content.decode()
    client.post(reverse("notifications:mark_all_read"))
    assert 'class="badge"' not in client.get(world.classroom.url).content.decode()
    assert Notification.objects.filter(recipient=world.parent, read_at__isnull=True).exists()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(LIST)
    assert response.status_code == 302 and "/compte/connexion/" in response.url


def test_emails_go_to_adults_with_an_address_after_the_commit(
    world, django_capture_on_commit_callbacks
):
    world.teacher.email = "claire@example.org"
    world.teacher.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            [world.teacher, world.pupil], "comment_pending", author="Léa M.", entry="Nos haricots"
        )
    assert [message.to for message in mail.outbox] == [["claire@example.org"]]
    assert "Léa M. a commenté « Nos haricots »" in mail.outbox[0].body


def test_nothing_is_mailed_inside_the_request(world, django_capture_on_commit_callbacks):
    world.teacher.email = "claire@example.org"
    world.teacher.save()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify([world.teacher], "comment_pending", author="Léa M.", entry="Nos haricots")
    assert mail.outbox == []
    mailing = [callback for callback in callbacks if "notify" in callback.__qualname__]
    assert len(mailing) == 1


def test_inactive_people_are_not_told(world):
    world.parent.is_active = False
    world.parent.save()
    assert notify([world.parent], "comment_approved", entry="x") == []
