"""The nightly run's clock, the command without a worker, and the read-only admin list."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from retention.models import ScheduledDeletion
from retention.tasks import next_purge_time, schedule_next_purge
from tests.factories import UserFactory

PARIS = ZoneInfo("Europe/Paris")


def test_the_next_purge_is_at_its_hour_strictly_after_now(settings):
    settings.PREAU_PURGE_HOUR = 3
    before = datetime(2027, 10, 3, 2, 59, tzinfo=PARIS)
    at = datetime(2027, 10, 3, 3, 0, tzinfo=PARIS)
    assert next_purge_time(before) == at
    assert next_purge_time(at) == datetime(2027, 10, 4, 3, 0, tzinfo=PARIS)


def test_without_a_worker_the_command_asks_for_cron():
    assert schedule_next_purge() is None  # the test settings' immediate backend
    err = StringIO()
    call_command("purge_personal_data", "--schedule", stderr=err, stdout=StringIO())
    assert "cron" in err.getvalue()


@pytest.mark.django_db
def test_portal_administrators_read_the_closed_accounts_and_change_nothing(client):
    closed = UserFactory(username="left-pupil", first_name="Capucine", is_active=False)
    row = ScheduledDeletion.objects.create(
        user=closed,
        reason=ScheduledDeletion.Reason.LEFT_SCHOOL,
        deactivated_at=timezone.now(),
        delete_on=timezone.localdate() + timedelta(days=90),
    )
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client.get(reverse("scheduled_deletions:index"))
    assert listing.status_code == 200 and "Capucine" in listing.content.decode()
    assert reverse("scheduled_deletions:add") not in listing.content.decode()
    assert client.get(reverse("scheduled_deletions:edit", args=[row.pk])).status_code in (
        302,
        403,
    )
    assert client.post(reverse("scheduled_deletions:delete", args=[row.pk])).status_code in (
        302,
        403,
    )
    assert ScheduledDeletion.objects.filter(pk=row.pk).exists()
