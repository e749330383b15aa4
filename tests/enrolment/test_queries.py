"""Listing pages cost the same number of queries for a small or a large school."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from classrooms.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    # Steady state: after a change, the first request reads again what requests keep
    # (performance/versions.py) and a first visit makes the admin profile.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_pupils(classroom, school, number, prefix):
    for n in range(number):
        pupil = factories.UserFactory(username=f"{prefix}{n}")
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
        factories.PupilRecordFactory(user=pupil, school=school)
        for m in range(2):
            factories.GuardianshipFactory(
                parent=factories.UserFactory(username=f"{prefix}{n}parent{m}"), child=pupil
            )


@pytest.mark.parametrize("name", ["roster", "cards"])
def test_class_pages_cost_the_same_for_few_or_many_pupils(client, world, name):
    url = reverse(f"enrolment:{name}", kwargs={"classroom_id": world.classroom.pk})
    client.force_login(world.teacher)
    client.get(url)  # fills Wagtail's and the permission caches
    few = count_queries(client, url)
    add_pupils(world.classroom, world.school, 6, "many")
    # A staff parent among them: the roster shows them differently, same cost.
    factories.MembershipFactory(
        user=Membership.objects.filter(classroom=world.classroom, role="pupil")
        .first()
        .user.guardians.first()
        .parent,
        classroom=world.other_classroom,
        role=Membership.Role.TEACHER,
    )
    many = count_queries(client, url)
    assert "many5" in client.get(url).content.decode()
    assert many == few


def test_school_page_costs_the_same_for_few_or_many_classes(client, world):
    url = reverse("enrolment:school", kwargs={"school_id": world.school.pk})
    client.force_login(world.director)
    client.get(url)
    few = count_queries(client, url)
    for n in range(5):
        classroom = factories.ClassroomPageFactory(parent=world.school, title=f"Classe {n}")
        teacher = factories.UserFactory(username=f"teacher{n}")
        factories.MembershipFactory(user=teacher, classroom=classroom, role=Membership.Role.TEACHER)
        add_pupils(classroom, world.school, 2, f"class{n}pupil")
    many = count_queries(client, url)
    html = client.get(url).content.decode()
    assert "Classe 4" in html and "2 élèves" in html
    assert many == few


def test_staff_page_costs_the_same_for_few_or_many_teachers(client, world):
    url = reverse("enrolment:staff", kwargs={"school_id": world.school.pk})
    client.force_login(world.director)
    factories.SchoolStaffFactory(user=world.teacher, school=world.school, role="teacher")
    client.get(url)
    few = count_queries(client, url)
    for n in range(5):
        teacher = factories.UserFactory(username=f"teacher{n}")
        factories.SchoolStaffFactory(user=teacher, school=world.school, role="teacher")
        classroom = factories.ClassroomPageFactory(parent=world.school, title=f"Classe {n}")
        factories.MembershipFactory(user=teacher, classroom=classroom, role="teacher")
    many = count_queries(client, url)
    assert many == few
