"""Rolling a school over to the next year: the plan, applying it once, refusals."""

from datetime import date

import pytest
from django.test import override_settings

from classrooms.models import ClassroomPage, Membership
from enrolment.models import PupilRecord
from enrolment.onde import read_pupils
from retention.models import ScheduledDeletion
from schoolyear.applying import OutdatedPlan, apply_rollover
from schoolyear.models import Rollover
from schoolyear.planning import RolloverError, build_rollover
from tests import factories

pytestmark = pytest.mark.django_db
TODAY = date(2027, 7, 5)


def roll(world, csv, **kwargs):
    pupils = read_pupils(csv)
    plan = build_rollover(world.school, pupils, user=world.director)
    teachers = kwargs.pop("teachers", {i: t.pk for i, t in plan.teachers.items() if t})
    return apply_rollover(
        world.school,
        pupils,
        user=world.director,
        fingerprint=kwargs.pop("fingerprint", plan.fingerprint),
        teachers=teachers,
        today=TODAY,
    )


def test_the_plan_closes_the_year_moves_lea_and_lets_tom_leave(year_end, next_year_csv):
    plan = build_rollover(year_end.school, read_pupils(next_year_csv), user=year_end.director)

    assert (plan.from_year, plan.to_year) == ("2026-2027", "2027-2028")
    assert {room.pk for room in plan.closing} == {
        year_end.classroom.pk,
        year_end.other_classroom.pk,
    }
    [new_class] = plan.new_classes
    assert new_class.classroom is None and new_class.title == "CE1 de Mme Durand"
    assert [pupil.record.user for pupil in new_class.pupils] == [year_end.pupil]
    assert plan.teachers[0] == year_end.teacher  # the class moves up with its teacher
    assert [leaving.user for leaving in plan.leaving] == [year_end.other_pupil]
    # Planning touched nothing.
    assert not ClassroomPage.objects.filter(closed_on__isnull=False).exists()
    assert not ClassroomPage.objects.filter(school_year="2027-2028").exists()


@override_settings(PREAU_ARCHIVE_FAMILY_MONTHS=12, PREAU_ACCOUNT_DELETION_DAYS=90)
def test_applying_closes_creates_moves_and_closes_the_accounts_of_those_who_leave(
    year_end, next_year_csv
):
    result = roll(year_end, next_year_csv)

    for room in (year_end.classroom, year_end.other_classroom):
        room.refresh_from_db()
        assert room.closed_on == TODAY and room.families_until == date(2028, 7, 5)
    new_class = ClassroomPage.objects.get(school_year="2027-2028")
    assert new_class.title == "CE1 de Mme Durand" and new_class.closed_on is None
    roles = dict(Membership.objects.filter(classroom=new_class).values_list("user", "role"))
    assert roles == {year_end.pupil.pk: "pupil", year_end.teacher.pk: "teacher"}
    # Léa keeps her place in the archive of her CP, and her record says CE1.
    assert Membership.objects.filter(user=year_end.pupil, classroom=year_end.classroom).exists()
    assert PupilRecord.objects.get(user=year_end.pupil).level == "CE1"
    # Tom left: his account is closed and scheduled for deletion, nothing deleted today.
    year_end.other_pupil.refresh_from_db()
    assert not year_end.other_pupil.is_active
    assert [d.user for d in result.closed_accounts] == [year_end.other_pupil]
    assert result.closed_accounts[0].reason == ScheduledDeletion.Reason.LEFT_SCHOOL
    # Léa's mother still has a child in a class: her account stays open.
    year_end.parent.refresh_from_db()
    assert year_end.parent.is_active and not hasattr(year_end.parent, "scheduled_deletion")
    assert Rollover.objects.get(school=year_end.school).to_year == "2027-2028"


def test_the_parents_of_a_leaving_pupil_are_closed_too(year_end, next_year_csv):
    parent = factories.GuardianshipFactory(child=year_end.other_pupil).parent

    result = roll(year_end, next_year_csv)

    assert {d.user for d in result.closed_accounts} == {year_end.other_pupil, parent}
    assert ScheduledDeletion.objects.get(user=parent).reason == "no_child"


def test_a_second_rollover_to_the_same_year_is_refused(year_end, next_year_csv):
    roll(year_end, next_year_csv)

    with pytest.raises(RolloverError, match="est déjà passée en 2027-2028"):
        build_rollover(year_end.school, read_pupils(next_year_csv), user=year_end.director)
    assert Rollover.objects.count() == 1


def test_the_same_year_cannot_be_reached_twice(year_end, next_year_csv):
    roll(year_end, next_year_csv)
    # A class of 2026-2027 left open (made by hand meanwhile) does not allow it either.
    factories.ClassroomPageFactory(parent=year_end.school, school_year="2026-2027")
    ClassroomPage.objects.filter(school_year="2027-2028").update(closed_on=TODAY)

    with pytest.raises(RolloverError, match="est déjà passée en 2027-2028"):
        build_rollover(year_end.school, read_pupils(next_year_csv), user=year_end.director)


def test_an_outdated_preview_changes_nothing(year_end, next_year_csv):
    with pytest.raises(OutdatedPlan):
        roll(year_end, next_year_csv, fingerprint="something the director never saw")

    assert not ClassroomPage.objects.filter(closed_on__isnull=False).exists()
    assert not ClassroomPage.objects.filter(school_year="2027-2028").exists()
    assert not Rollover.objects.exists()
    year_end.other_pupil.refresh_from_db()
    assert year_end.other_pupil.is_active


def test_a_plan_changed_since_the_preview_is_refused(year_end, next_year_csv):
    pupils = read_pupils(next_year_csv)
    plan = build_rollover(year_end.school, pupils, user=year_end.director)
    factories.MembershipFactory(classroom=year_end.other_classroom)  # a new pupil meanwhile

    with pytest.raises(OutdatedPlan):
        apply_rollover(
            year_end.school,
            pupils,
            user=year_end.director,
            fingerprint=plan.fingerprint,
            teachers={},
        )
    assert not Rollover.objects.exists()


def test_another_school_s_file_is_refused(year_end, other_school_csv):
    with pytest.raises(RolloverError, match="autre école"):
        build_rollover(year_end.school, read_pupils(other_school_csv), user=year_end.director)


def test_this_year_s_file_is_refused(year_end, this_year_csv):
    with pytest.raises(RolloverError, match="gardent leur niveau de cette année"):
        build_rollover(year_end.school, read_pupils(this_year_csv), user=year_end.director)


def test_a_teacher_left_unpicked_gives_a_class_without_teacher(year_end, next_year_csv):
    roll(year_end, next_year_csv, teachers={})

    new_class = ClassroomPage.objects.get(school_year="2027-2028")
    assert not Membership.objects.filter(classroom=new_class, role="teacher").exists()


def test_only_a_teacher_of_the_school_can_be_picked(year_end, next_year_csv):
    stranger = factories.UserFactory()

    roll(year_end, next_year_csv, teachers={0: stranger.pk})

    assert not Membership.objects.filter(user=stranger).exists()
