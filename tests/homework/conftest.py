"""A class with a diary, a group of two pupils out of three, and their families."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from classrooms.models import Membership, PupilGroup
from tests import factories


@dataclass
class Diary:
    world: object
    page: object
    group: object
    grouped: object  # the world's pupil (Léa), in the group
    ungrouped: object  # a classmate outside the group
    ungrouped_parent: object
    assistant: object
    today: datetime.date


@pytest.fixture
def diary(world):
    page = factories.HomeworkDiaryPageFactory(parent=world.classroom)
    ungrouped = factories.UserFactory(username="noah", first_name="Noah", last_name="Bernard")
    factories.MembershipFactory(user=ungrouped, classroom=world.classroom)
    ungrouped_parent = factories.UserFactory(
        username="noahparent", first_name="Inès", last_name="Bernard", email="ines@example.org"
    )
    factories.GuardianshipFactory(parent=ungrouped_parent, child=ungrouped)
    assistant = factories.UserFactory(username="atsem", first_name="Rose", last_name="Leroy")
    factories.MembershipFactory(
        user=assistant, classroom=world.classroom, role=Membership.Role.ASSISTANT
    )
    group = PupilGroup.objects.create(classroom=world.classroom, name="Les hiboux")
    group.pupils.add(world.pupil)
    return Diary(
        world,
        page,
        group,
        world.pupil,
        ungrouped,
        ungrouped_parent,
        assistant,
        timezone.localdate(),
    )
