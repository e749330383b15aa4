"""The daily digest: one e-mail per adult who chose it, listing the day's notifications
of those groups with absolute links, grouped; never twice the same; sent by the worker
at PREAU_DIGEST_HOUR, re-enqueued for the next day when the backend defers tasks."""

from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone, translation

from notifications import digest, kinds, tasks
from notifications.models import DigestRecord, EmailChoice, Notification, NotificationPreference
from notifications.services import notify

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def parent(world):
    world.parent.email = "sophie@example.org"
    world.parent.save()
    for group in ("class_work", "comments"):
        NotificationPreference.objects.create(
            user=world.parent, group=group, email=EmailChoice.DAILY
        )
    return world.parent


def _day_events(world, parent):
    notify([parent], "comment_approved", url="/cp/potager/#comment-1", entry="Le potager")
    notify(
        [parent], "child_entry_published", url="/cp/haricots/", entry="Nos haricots", child="Léa M."
    )
    notify([parent], "comment_rejected", url="/cp/mare/", entry="La mare", reason="Trop court")


def test_a_parent_gets_one_email_listing_the_days_events_of_several_kinds(
    world, parent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _day_events(world, parent)
    assert mail.outbox == []  # nothing at once: they chose the digest
    call_command("send_daily_digests")
    assert [m.to for m in mail.outbox] == [["sophie@example.org"]]
    body = mail.outbox[0].body
    with translation.override(settings.LANGUAGE_CODE):
        class_work, comments = (
            str(kinds._groups[name].label) for name in ("class_work", "comments")
        )
    # Grouped per group, in the registered order, each with its count.
    assert body.index(f"{class_work} (1)") < body.index(f"{comments} (2)")
    assert "Le potager" in body and "La mare" in body and "Nos haricots" in body
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    assert f"{base}/cp/haricots/" in body and f"{base}/cp/potager/#comment-1" in body


def test_running_twice_sends_nothing_twice(world, parent):
    _day_events(world, parent)
    assert digest.send_digests() == 1
    assert digest.send_digests() == 0
    notify([parent], "comment_approved", url="/x/", entry="Le compost")
    assert digest.send_digests() == 1
    assert "Le compost" in mail.outbox[-1].body and "Le potager" not in mail.outbox[-1].body
    assert DigestRecord.objects.filter(user=parent).count() == 1


def test_only_the_groups_chosen_daily_are_in_it(world, parent):
    NotificationPreference.objects.filter(user=parent, group="comments").update(
        email=EmailChoice.IMMEDIATE
    )
    _day_events(world, parent)
    digest.send_digests()
    (email,) = mail.outbox
    assert "Nos haricots" in email.body and "Le potager" not in email.body


def test_no_address_or_nothing_new_means_no_email(world, parent):
    assert digest.send_digests() == 0
    parent.email = ""
    parent.save()
    _day_events(world, parent)
    assert digest.send_digests() == 0 and mail.outbox == []


def test_the_first_digest_goes_back_one_day_only(world, parent):
    (old,) = notify([parent], "comment_approved", url="/x/", entry="Très ancien")
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
    notify([parent], "comment_approved", url="/y/", entry="Du jour")
    digest.send_digests()
    assert "Du jour" in mail.outbox[0].body and "Très ancien" not in mail.outbox[0].body


@override_settings(PREAU_DIGEST_HOUR=18)
def test_the_next_digest_time_is_the_set_hour_local_time():
    paris = timezone.get_fixed_timezone(60)  # Europe/Paris in winter
    morning = datetime(2026, 12, 7, 9, 30, tzinfo=paris)
    evening = datetime(2026, 12, 7, 18, 0, tzinfo=paris)
    assert digest.next_digest_time(morning) == datetime(2026, 12, 7, 18, 0, tzinfo=paris)
    assert digest.next_digest_time(evening) == datetime(2026, 12, 8, 18, 0, tzinfo=paris)


@override_settings(TASKS=DUMMY_TASKS, PREAU_DIGEST_HOUR=18)
def test_the_task_sends_then_comes_back_at_the_next_digest_hour(world, parent):
    from django_tasks import default_task_backend

    default_task_backend.clear()
    _day_events(world, parent)
    moment = timezone.now() + timedelta(minutes=1)
    with mock.patch("notifications.quiet.now", return_value=moment):
        sent = tasks.send_daily_digests.call()
    assert sent == 1
    (queued,) = [r for r in default_task_backend.results if r.task.name == "send_daily_digests"]
    run_after = timezone.localtime(queued.task.run_after)
    assert run_after > moment and run_after - moment <= timedelta(days=1)
    assert (run_after.hour, run_after.minute) == (18, 0)


def test_the_command_says_when_the_backend_cannot_defer(capsys):
    call_command("send_daily_digests", "--schedule")
    assert "cron" in capsys.readouterr().err


@override_settings(TASKS=DUMMY_TASKS)
def test_the_command_schedules_the_first_run_with_a_worker():
    from django_tasks import default_task_backend

    default_task_backend.clear()
    call_command("send_daily_digests", "--schedule")
    (queued,) = default_task_backend.results
    assert queued.task.run_after > timezone.now()
    assert timezone.localtime(queued.task.run_after).hour == settings.PREAU_DIGEST_HOUR
