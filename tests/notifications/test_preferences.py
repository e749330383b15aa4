"""Per-person preferences per group, honoured by notify(): the bell or not, an e-mail at
once, in the digest or never; pupils choose the bell only."""

import pytest
from django.core import mail
from django.urls import reverse

from notifications.kinds import groups
from notifications.models import EmailChoice, Notification, NotificationPreference
from notifications.services import notify

pytestmark = pytest.mark.django_db

PREFERENCES = reverse("notifications:preferences")


@pytest.fixture
def teacher(world):
    world.teacher.email = "claire@example.org"
    world.teacher.save()
    return world.teacher


def _prefer(user, group, *, in_app=True, email=EmailChoice.IMMEDIATE):
    NotificationPreference.objects.create(user=user, group=group, in_app=in_app, email=email)


def _pending(teacher, capture):
    with capture(execute=True):
        return notify(
            [teacher], "comment_pending", url="/a/", author="Léa M.", entry="Nos haricots"
        )


def test_without_a_row_the_bell_and_an_email_at_once(teacher, django_capture_on_commit_callbacks):
    _pending(teacher, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(recipient=teacher, in_bell=True, read_at=None).count() == 1
    assert len(mail.outbox) == 1


def test_daily_means_no_email_at_once(teacher, django_capture_on_commit_callbacks):
    _prefer(teacher, "comments", email=EmailChoice.DAILY)
    _pending(teacher, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(recipient=teacher).count() == 1
    assert mail.outbox == []


def test_never_and_no_bell_means_nothing_at_all(teacher, django_capture_on_commit_callbacks):
    _prefer(teacher, "comments", in_app=False, email=EmailChoice.NEVER)
    assert _pending(teacher, django_capture_on_commit_callbacks) == []
    assert not Notification.objects.exists() and mail.outbox == []


def test_no_bell_but_an_email_keeps_the_row_out_of_the_bell(
    client, teacher, django_capture_on_commit_callbacks
):
    _prefer(teacher, "comments", in_app=False)
    (notification,) = _pending(teacher, django_capture_on_commit_callbacks)
    assert not notification.in_bell and notification.read_at is not None
    assert len(mail.outbox) == 1
    client.force_login(teacher)
    assert "Nos haricots" not in client.get(reverse("notifications:list")).content.decode()


def test_a_choice_for_one_group_leaves_the_others(teacher, django_capture_on_commit_callbacks):
    _prefer(teacher, "class_work", in_app=False, email=EmailChoice.NEVER)
    _pending(teacher, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(recipient=teacher, in_bell=True).count() == 1


def test_an_adult_with_an_address_chooses_the_bell_and_emails(client, teacher):
    client.force_login(teacher)
    html = client.get(PREFERENCES).content.decode()
    assert 'name="comments-email"' in html
    data = {f"{group.name}-email": "immediate" for group in groups()}
    data |= {f"{group.name}-in_app": "on" for group in groups() if group.name != "exercises"}
    data["comments-email"] = "daily"
    assert client.post(PREFERENCES, data).status_code == 302
    assert NotificationPreference.objects.get(user=teacher, group="comments").email == "daily"
    assert not NotificationPreference.objects.get(user=teacher, group="exercises").in_app


def test_a_wrong_choice_is_refused_and_nothing_is_saved(client, teacher):
    client.force_login(teacher)
    data = {f"{group.name}-email": "immediate" for group in groups()}
    data["comments-email"] = "sometimes"
    response = client.post(PREFERENCES, data)
    assert response.status_code == 400
    assert not NotificationPreference.objects.exists()


def test_a_pupil_chooses_the_bell_only(client, world):
    client.force_login(world.pupil)
    html = client.get(PREFERENCES).content.decode()
    assert 'name="comments-in_app"' in html and "-email" not in html
    data = {f"{group.name}-in_app": "on" for group in groups() if group.name != "comments"}
    assert client.post(PREFERENCES, data).status_code == 302
    assert not NotificationPreference.objects.get(user=world.pupil, group="comments").in_app
    notify([world.pupil], "comment_approved", entry="x")
    assert not Notification.objects.filter(recipient=world.pupil).exists()


def test_the_page_is_reached_from_my_spaces(client, world):
    client.force_login(world.parent)
    assert PREFERENCES in client.get(reverse("accounts:my_spaces")).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get(PREFERENCES).status_code == 302
