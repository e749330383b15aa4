"""Staff are told before deletions: the director's list, reopening, the notice, and
accounts closed and reopened as places end and begin."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from classrooms.models import Membership
from notifications.models import Notification
from retention.models import ScheduledDeletion
from retention.notices import ACCOUNTS_TO_DELETE, warn_directors
from retention.views import closed_accounts
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
NOW = datetime(2027, 9, 19, 8, 0, tzinfo=UTC)


@pytest.fixture
def world():
    school = SchoolPageFactory(parent=portal())
    other = SchoolPageFactory(parent=portal())
    director = SchoolStaffFactory(school=school, role="director").user
    other_director = SchoolStaffFactory(school=other, role="director").user
    archive = ClassroomPageFactory(parent=school, closed_on=date(2027, 7, 4))
    open_class = ClassroomPageFactory(parent=school, school_year="2027-2028")
    teacher = MembershipFactory(classroom=open_class, role=Membership.Role.TEACHER).user
    pupil = UserFactory(first_name="Zoé", last_name="Arnaud")
    MembershipFactory(classroom=archive, user=pupil)
    parent = GuardianshipFactory(child=pupil).parent
    rows = []
    for person in (pupil, parent):
        person.is_active = False
        person.save()
        rows.append(
            ScheduledDeletion.objects.create(
                user=person,
                reason=ScheduledDeletion.Reason.LEFT_SCHOOL,
                deactivated_at=NOW - timedelta(days=76),
                delete_on=date(2027, 10, 3),
                school=school,
            )
        )
    return locals()


def url(school, user=None):
    if user is None:
        return reverse("retention:school_accounts", kwargs={"school_id": school.pk})
    return reverse("retention:reopen_account", kwargs={"school_id": school.pk, "user_id": user.pk})


def test_the_director_sees_the_closed_accounts_with_their_day(client, world):
    client.force_login(world["director"])
    page = client.get(url(world["school"])).content.decode()
    assert "Arnaud Zoé" in page
    assert world["parent"].username in page
    assert "3 octobre 2027" in page or "3 October 2027" in page
    assert url(world["school"], world["pupil"]) in page


@pytest.mark.parametrize("who", ["other_director", "teacher"])
def test_anyone_else_gets_404(client, world, who):
    client.force_login(world[who])
    assert client.get(url(world["school"])).status_code == 404
    assert client.post(url(world["school"], world["pupil"])).status_code == 404


def test_reopening_without_a_place_asks_the_directors_word(client, world):
    client.force_login(world["director"])
    client.post(url(world["school"], world["pupil"]))
    world["pupil"].refresh_from_db()
    assert not world["pupil"].is_active

    client.post(url(world["school"], world["pupil"]), {"confirm": "yes"})
    world["pupil"].refresh_from_db()
    assert world["pupil"].is_active
    assert not ScheduledDeletion.objects.filter(user=world["pupil"]).exists()
    # Her parent has an open account for a child, but that child has no class: no place.
    parent_row = next(r for r in closed_accounts(world["school"]) if r.user == world["parent"])
    assert not parent_row.has_place


def test_a_person_with_a_place_again_is_reopened_at_once(client, world):
    MembershipFactory(classroom=world["open_class"], user=world["pupil"])
    client.force_login(world["director"])
    client.post(url(world["school"], world["pupil"]))
    world["pupil"].refresh_from_db()
    assert world["pupil"].is_active


def test_reopening_an_account_of_another_school_is_404(client, world):
    client.force_login(world["other_director"])
    response = client.post(url(world["other"], world["pupil"]), {"confirm": "yes"})
    assert response.status_code == 404


def test_the_directors_are_told_once_within_the_notice(world, settings):
    settings.PREAU_DELETION_NOTICE_DAYS = 14
    assert warn_directors(NOW - timedelta(days=1)) == 0  # 15 days before: not yet
    assert warn_directors(NOW) == 1
    notice = Notification.objects.get(recipient=world["director"])
    assert notice.kind == ACCOUNTS_TO_DELETE
    assert notice.params["count"] == 2 and "2027" in notice.params["date"]
    assert not Notification.objects.filter(recipient=world["other_director"]).exists()
    assert warn_directors(NOW + timedelta(days=1)) == 0


def test_a_pupil_taken_off_the_last_class_is_closed_then_reopened(
    world, django_capture_on_commit_callbacks
):
    pupil = UserFactory()
    membership = MembershipFactory(classroom=world["open_class"], user=pupil)
    with django_capture_on_commit_callbacks(execute=True):
        membership.delete()
    pupil.refresh_from_db()
    assert not pupil.is_active
    assert pupil.scheduled_deletion.school_id == world["school"].pk

    with django_capture_on_commit_callbacks(execute=True):
        MembershipFactory(classroom=world["open_class"], user=pupil)
    pupil.refresh_from_db()
    assert pupil.is_active
    assert not ScheduledDeletion.objects.filter(user=pupil).exists()


def test_a_pupil_moved_to_another_class_in_one_transaction_stays_open(
    world, django_capture_on_commit_callbacks
):
    pupil = UserFactory()
    membership = MembershipFactory(classroom=world["open_class"], user=pupil)
    other_class = ClassroomPageFactory(parent=world["school"], school_year="2027-2028")
    with django_capture_on_commit_callbacks(execute=True):
        membership.delete()
        MembershipFactory(classroom=other_class, user=pupil)
    pupil.refresh_from_db()
    assert pupil.is_active
