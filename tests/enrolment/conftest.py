"""Enrolment fixtures: ONDE files as a school exports them, a teacher of the other class
and a director of another school."""

import pytest

from classrooms.models import Membership
from tests import factories
from tests.enrolment.onde_files import PARENTS_HEADER, PUPILS_HEADER, csv_file


@pytest.fixture
def pupils_csv():
    """A school's pupils file: two classes, accents, a consent column."""
    return csv_file(
        PUPILS_HEADER,
        "MARTIN;Zoé;04/09/2019;CP;CP A;Oui",
        "N'DIAYE;Anaïs;12/01/2019;CP;CP A;Non",
        "BERNARD;Noël;30/06/2018;CE1;CE1 B;",
        encoding="utf-8-sig",
    )


@pytest.fixture
def parents_csv():
    return csv_file(
        PARENTS_HEADER,
        "MARTIN;Sophie;sophie.martin@example.org;MARTIN;Zoé;04/09/2019",
        "MARTIN;Paul;paul.martin@example.org;MARTIN;Zoé;04/09/2019",
        "BERNARD;Inès;ines.bernard@example.org;BERNARD;Noël;30/06/2018",
    )


@pytest.fixture
def other_teacher(world):
    """A teacher of the school's other class: no rights on the first class."""
    teacher = factories.UserFactory(username="otherteacher", first_name="Marc", last_name="Petit")
    factories.MembershipFactory(
        user=teacher, classroom=world.other_classroom, role=Membership.Role.TEACHER
    )
    return teacher


@pytest.fixture
def other_director(portal):
    school = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    director = factories.UserFactory(username="otherdirector")
    factories.SchoolStaffFactory(user=director, school=school)
    return director


@pytest.fixture
def english():
    """Messages in English, the language of the source strings, outside any request."""
    from django.utils import translation

    with translation.override("en"):
        yield
