"""Shared fixtures: the portal and a small school with one class and its people."""

from dataclasses import dataclass

import pytest

from classrooms.models import Membership
from pages.models import SchoolStaff
from tests import factories


def pytest_collection_modifyitems(items):
    """Mark the tests that empty the database when they end (transactional ones: browser
    journeys, live servers), so that a parallel run keeps them apart (run_pytest.py)."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        fixtures = set(item.fixturenames)
        if (marker and marker.kwargs.get("transaction")) or fixtures & {
            "live_server",
            "transactional_db",
            "django_db_serialized_rollback",
        }:
            item.add_marker(pytest.mark.transactional)


@pytest.fixture(autouse=True)
def portal_language():
    """Each test starts in the portal's language. The test client runs requests in the
    test's thread, and LocaleMiddleware leaves the last request's language active: after
    a test that opened an /en/ page, `reverse()` in the next one would give /en/ paths."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: ids are reused between rolled-back tests,
    and Wagtail caches site roots and image renditions by id. Public pages are kept in an
    alias of their own (performance/page_cache.py)."""
    from django.conf import settings
    from django.core.cache import cache, caches

    def clear():
        cache.clear()
        if "public_pages" in settings.CACHES:
            caches["public_pages"].clear()

    clear()
    yield
    clear()


@pytest.fixture
def portal(db):
    return factories.portal()


@dataclass
class SchoolWorld:
    school: object
    classroom: object
    other_classroom: object
    teacher: object
    pupil: object
    parent: object
    director: object
    other_pupil: object
    outsider: object


@pytest.fixture
def world(portal):
    """One school with two classes, and one person in each role around the first class."""
    school = factories.SchoolPageFactory(parent=portal, title="École Jean-Jaurès")
    classroom = factories.ClassroomPageFactory(parent=school, title="CP de Mme Durand")
    other_classroom = factories.ClassroomPageFactory(parent=school, title="CM1 de M. Petit")
    teacher = factories.UserFactory(username="teacher", first_name="Claire", last_name="Durand")
    pupil = factories.UserFactory(username="pupil", first_name="Léa", last_name="Martin")
    parent = factories.UserFactory(username="parent", first_name="Sophie", last_name="Martin")
    director = factories.UserFactory(username="director", first_name="Anne", last_name="Roux")
    other_pupil = factories.UserFactory(username="otherpupil", first_name="Tom", last_name="Petit")
    outsider = factories.UserFactory(username="outsider", first_name="Paul", last_name="Blanc")
    factories.MembershipFactory(user=teacher, classroom=classroom, role=Membership.Role.TEACHER)
    factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    factories.MembershipFactory(
        user=other_pupil, classroom=other_classroom, role=Membership.Role.PUPIL
    )
    factories.GuardianshipFactory(parent=parent, child=pupil)
    factories.SchoolStaffFactory(user=director, school=school, role=SchoolStaff.Role.DIRECTOR)
    return SchoolWorld(
        school, classroom, other_classroom, teacher, pupil, parent, director, other_pupil, outsider
    )
