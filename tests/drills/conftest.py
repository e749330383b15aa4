"""A class with a drill in three levels, a classmate and their parent, and an assistant."""

from dataclasses import dataclass

import pytest

from classrooms.models import Membership
from tests import factories
from tests.drills.drill_factory import make_drill


@dataclass
class DrillWorld:
    world: object
    drill: object
    classmate: object
    classmate_parent: object
    assistant: object


@pytest.fixture
def drills(world):
    drill = make_drill(world.classroom)
    classmate = factories.UserFactory(username="noah", first_name="Noah", last_name="Bernard")
    factories.MembershipFactory(user=classmate, classroom=world.classroom)
    classmate_parent = factories.UserFactory(
        username="noahparent", first_name="Inès", last_name="Bernard"
    )
    factories.GuardianshipFactory(parent=classmate_parent, child=classmate)
    assistant = factories.UserFactory(username="atsem", first_name="Rose", last_name="Leroy")
    factories.MembershipFactory(
        user=assistant, classroom=world.classroom, role=Membership.Role.ASSISTANT
    )
    return DrillWorld(world, drill, classmate, classmate_parent, assistant)
