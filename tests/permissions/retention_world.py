"""Retention's part of the permission matrix's world (issue 24), built by conftest.py: a
pupil of school A who left, whose account is closed and waits for its deletion."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from retention.models import ScheduledDeletion
from tests import factories


@dataclass(frozen=True)
class RetentionWorld:
    school_id: int
    user_id: int
    username: str


def close(user, school_id):
    """The account closed and scheduled, as the pupil's leaving left it."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    now = timezone.now()
    ScheduledDeletion.objects.update_or_create(
        user=user,
        defaults={
            "reason": ScheduledDeletion.Reason.LEFT_SCHOOL,
            "deactivated_at": now,
            "delete_on": (now + timedelta(days=90)).date(),
            "school_id": school_id,
        },
    )


def build_retention_world(school):
    left = factories.UserFactory(username="pupil-who-left", first_name="Camille")
    close(left, school.pk)
    return RetentionWorld(school_id=school.pk, user_id=left.pk, username=left.username)
