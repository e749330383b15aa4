"""The right to disconnect: a pupil's notification written outside school hours waits
for the next start of school hours; adults are not affected."""

from datetime import datetime
from unittest import mock

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from notifications import quiet
from notifications.models import Notification
from notifications.services import notify

pytestmark = pytest.mark.django_db

SCHOOL = {
    "PREAU_PUPIL_QUIET_HOURS": True,
    "PREAU_SCHOOL_HOURS": "08:00-17:00",
    "PREAU_SCHOOL_DAYS": ["mon", "tue", "thu", "fri"],
}


def local(*args):
    return timezone.make_aware(datetime(*args))


# 2026-12-07 is a Monday, 2026-12-09 a Wednesday, 2026-12-11 a Friday.
@override_settings(**SCHOOL)
@pytest.mark.parametrize(
    ("moment", "until"),
    [
        (local(2026, 12, 7, 10, 0), None),
        (local(2026, 12, 7, 7, 59), local(2026, 12, 7, 8, 0)),
        (local(2026, 12, 7, 17, 0), local(2026, 12, 8, 8, 0)),
        (local(2026, 12, 8, 20, 0), local(2026, 12, 10, 8, 0)),  # Tuesday → Thursday
        (local(2026, 12, 9, 10, 0), local(2026, 12, 10, 8, 0)),  # Wednesday: no school
        (local(2026, 12, 11, 18, 0), local(2026, 12, 14, 8, 0)),  # Friday → Monday
    ],
)
def test_held_until_the_next_school_hours(moment, until):
    assert quiet.held_until(moment) == until


@override_settings(**{**SCHOOL, "PREAU_SCHOOL_DAYS": ["mon", "tue", "wed", "thu", "fri"]})
def test_wednesday_is_a_school_day_where_the_town_says_so():
    assert quiet.held_until(local(2026, 12, 9, 10, 0)) is None


@override_settings(**{**SCHOOL, "PREAU_PUPIL_QUIET_HOURS": False})
def test_off_means_never_held():
    assert quiet.held_until(local(2026, 12, 9, 22, 0)) is None


@override_settings(**SCHOOL)
def test_a_pupil_is_told_at_school_time_and_an_adult_at_once(client, world):
    evening = local(2026, 12, 8, 20, 0)
    with mock.patch("notifications.quiet.now", return_value=evening):
        notify([world.pupil, world.parent], "comment_approved", url="/a/", entry="Le potager")
    pupils = Notification.objects.get(recipient=world.pupil)
    assert pupils.visible_from == local(2026, 12, 10, 8, 0)
    assert Notification.objects.get(recipient=world.parent).visible_from == evening

    client.force_login(world.pupil)
    with mock.patch("notifications.quiet.now", return_value=local(2026, 12, 9, 18, 0)):
        html = client.get(reverse("notifications:list")).content.decode()
        header = client.get(world.classroom.url).content.decode()
        opened = client.get(reverse("notifications:open", kwargs={"notification_id": pupils.pk}))
    assert "Le potager" not in html and 'class="badge"' not in header
    assert opened.status_code == 404
    with mock.patch("notifications.quiet.now", return_value=local(2026, 12, 10, 8, 5)):
        client.post(reverse("notifications:mark_all_read"), follow=False)
    # Marked read at 08:05 now that it shows; before, marking all left it alone.
    pupils.refresh_from_db()
    assert pupils.read_at is not None


@override_settings(**SCHOOL)
def test_mark_all_read_leaves_what_is_still_held(client, world):
    with mock.patch("notifications.quiet.now", return_value=local(2026, 12, 8, 20, 0)):
        notify([world.pupil], "comment_approved", url="/a/", entry="Le potager")
        client.force_login(world.pupil)
        client.post(reverse("notifications:mark_all_read"))
    assert Notification.objects.get(recipient=world.pupil).read_at is None
    with mock.patch("notifications.quiet.now", return_value=local(2026, 12, 10, 9, 0)):
        html = client.get(reverse("notifications:list")).content.decode()
    assert "Le potager" in html
