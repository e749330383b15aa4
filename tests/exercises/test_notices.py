"""Pupils are told when an exercise is set for them (exercises/notices.py): the whole
class, or only the groups and pupils the teacher chose; once, not at each edit."""

import pytest

from classrooms.models import PupilGroup
from exercises.models import ExercisePage
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db


def told(kind="exercise_set"):
    return set(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def test_the_whole_class_is_told_once(world):
    classmate = factories.UserFactory(username="hugo", first_name="Hugo")
    factories.MembershipFactory(user=classmate, classroom=world.classroom)
    exercise = factories.ExercisePageFactory(parent=world.classroom, title="Les sons", live=False)
    exercise.save_revision().publish()
    assert told() == {world.pupil.pk, classmate.pk}
    notification = Notification.objects.get(recipient=world.pupil)
    assert "Les sons" in notification.message
    ExercisePage.objects.get(pk=exercise.pk).save_revision().publish()
    assert Notification.objects.count() == 2
    assert world.other_pupil.pk not in told() and world.teacher.pk not in told()


def test_only_the_chosen_group_and_pupils_are_told(world):
    reader = factories.UserFactory(username="hugo", first_name="Hugo")
    chosen = factories.UserFactory(username="ines", first_name="Inès")
    left_out = factories.UserFactory(username="zoe", first_name="Zoé")
    for pupil in (reader, chosen, left_out):
        factories.MembershipFactory(user=pupil, classroom=world.classroom)
    group = PupilGroup.objects.create(classroom=world.classroom, name="Lecteurs")
    group.pupils.set([reader])
    exercise = factories.ExercisePageFactory(parent=world.classroom, title="Lire", live=False)
    exercise.assigned_groups.set([group])
    exercise.assigned_pupils.set([chosen])
    exercise.save_revision().publish()
    assert told() == {reader.pk, chosen.pk}
