"""Closing the accounts of people who no longer have a place, and reopening them."""

from datetime import UTC, date, datetime

import pytest

from retention.deactivation import deactivate_without_place, reactivate
from retention.models import ScheduledDeletion
from tests.factories import (
    ClassroomPageFactory,
    GuardianshipFactory,
    MembershipFactory,
    SchoolPageFactory,
    SchoolStaffFactory,
    UserFactory,
    portal,
)

pytestmark = pytest.mark.django_db
NOW = datetime(2027, 7, 5, 10, 0, tzinfo=UTC)


@pytest.fixture
def school():
    return SchoolPageFactory(parent=portal())


def test_a_pupil_only_in_a_closed_class_and_their_parent_are_closed(school):
    closed = ClassroomPageFactory(parent=school, closed_on=date(2027, 7, 4))
    pupil = MembershipFactory(classroom=closed).user
    parent = GuardianshipFactory(child=pupil).parent

    assert set(deactivate_without_place([pupil.pk], now=NOW)) == {pupil, parent}

    pupil.refresh_from_db()
    parent.refresh_from_db()
    assert not pupil.is_active and not parent.is_active
    assert pupil.scheduled_deletion.delete_on == date(2027, 10, 3)
    assert pupil.scheduled_deletion.reason == ScheduledDeletion.Reason.LEFT_SCHOOL
    assert parent.scheduled_deletion.reason == ScheduledDeletion.Reason.NO_CHILD


def test_people_who_keep_a_place_stay_open(school):
    closed = ClassroomPageFactory(parent=school, closed_on=date(2027, 7, 4))
    open_class = ClassroomPageFactory(parent=school, school_year="2027-2028")
    moving_up = MembershipFactory(classroom=closed).user
    MembershipFactory(classroom=open_class, user=moving_up)
    leaving = MembershipFactory(classroom=closed).user
    sibling = MembershipFactory(classroom=open_class).user
    parent = GuardianshipFactory(child=leaving).parent
    GuardianshipFactory(parent=parent, child=sibling)
    director = SchoolStaffFactory(school=school).user
    outsider = UserFactory()

    closed_people = deactivate_without_place(
        [moving_up.pk, leaving.pk, director.pk, outsider.pk], now=NOW
    )

    assert set(closed_people) == {leaving, outsider}
    parent.refresh_from_db()
    assert parent.is_active


def test_reactivation_drops_the_schedule(school):
    pupil = MembershipFactory(classroom=ClassroomPageFactory(parent=school, closed_on=NOW)).user
    deactivate_without_place([pupil.pk], now=NOW)

    reactivate(pupil)

    pupil.refresh_from_db()
    assert pupil.is_active
    assert not ScheduledDeletion.objects.filter(user=pupil).exists()
