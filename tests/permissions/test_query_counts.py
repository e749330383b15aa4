"""Pages that check rights cost a fixed number of queries, whatever the size of the school.

DESIGN.md "Data, services, scale": no page may issue a number of queries that grows with
the number of classes, entries or people. The class space (for its teacher) and "my
spaces" (for a parent) are measured on a small school, then on one five times larger.
"""

from dataclasses import dataclass, field

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from classrooms.models import Membership
from pages.models import SchoolStaff
from tests import factories

pytestmark = pytest.mark.django_db

MY_SPACES = "/compte/mes-espaces/"


@dataclass
class GrowingSchool:
    school: object
    teacher: object
    parent: object
    classes: list = field(default_factory=list)
    pupils: int = 0

    def add_class(self):
        number = len(self.classes) + 1
        classroom = factories.ClassroomPageFactory(parent=self.school, title=f"Classe {number}")
        factories.MembershipFactory(
            user=self.teacher, classroom=classroom, role=Membership.Role.TEACHER
        )
        self.classes.append(classroom)
        return classroom

    def add_pupil(self, classroom, *, child_of_parent=False):
        """A pupil with a parent of their own, and maybe also the parent under test."""
        self.pupils += 1
        pupil = factories.UserFactory(username=f"pupil{self.pupils}")
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
        factories.GuardianshipFactory(child=pupil)
        if child_of_parent:
            factories.GuardianshipFactory(parent=self.parent, child=pupil)

    def add_entries(self, classroom, count):
        for _ in range(count):
            entry = factories.BlogEntryPageFactory(parent=classroom)
            entry.save_revision().publish()


@pytest.fixture
def growing(portal):
    """One class, three pupils, one parent with a child there; a teacher and a director."""
    school = factories.SchoolPageFactory(parent=portal, title="École des Tilleuls")
    director = factories.UserFactory(username="director")
    factories.SchoolStaffFactory(user=director, school=school, role=SchoolStaff.Role.DIRECTOR)
    grown = GrowingSchool(
        school,
        teacher=factories.UserFactory(username="teacher"),
        parent=factories.UserFactory(username="parent"),
    )
    classroom = grown.add_class()
    for index in range(3):
        grown.add_pupil(classroom, child_of_parent=index == 0)
    grown.add_entries(classroom, 1)
    return grown


def grow_to_five_classes_of_six(grown):
    """Five classes, thirty pupils and parents, the parent with a child in each class."""
    first = grown.classes[0]
    for _ in range(3):
        grown.add_pupil(first)
    grown.add_entries(first, 3)
    for _ in range(4):
        classroom = grown.add_class()
        for index in range(6):
            grown.add_pupil(classroom, child_of_parent=index == 0)
        grown.add_entries(classroom, 4)
    assert grown.pupils == 30


def queries_for(client, url):
    """The queries of one request, after warm-up requests have filled per-process caches
    and what requests keep (performance/versions.py)."""
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_class_space_costs_the_same_for_its_teacher_in_a_larger_school(client, growing):
    client.force_login(growing.teacher)
    classroom = growing.classes[0]
    few, _html = queries_for(client, classroom.url)

    grow_to_five_classes_of_six(growing)
    many, html = queries_for(client, classroom.url)

    assert "Classe 5" in html  # the header lists the teacher's five classes
    assert many == few


def test_my_spaces_cost_the_same_for_a_parent_of_more_children(client, growing):
    client.force_login(growing.parent)
    few, _html = queries_for(client, MY_SPACES)

    grow_to_five_classes_of_six(growing)
    many, html = queries_for(client, MY_SPACES)

    assert all(f"Classe {number}" in html for number in range(1, 6))
    assert many == few
