"""The follow-up of a word costs the same number of queries for 3 families as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from classrooms.models import Membership
from liaison import services
from liaison.models import Word, WordConcern
from tests import factories

pytestmark = pytest.mark.django_db


def school_with(portal, families, tag):
    school = factories.SchoolPageFactory(parent=portal)
    classroom = factories.ClassroomPageFactory(parent=school)
    director = factories.UserFactory(username=f"director{tag}")
    factories.SchoolStaffFactory(user=director, school=school)
    word = Word.objects.create(
        author=director,
        school=school,
        audience=Word.Audience.SCHOOL,
        title="Sortie",
        text="Vendredi",
        question=Word.Question.YES_NO,
    )
    for number in range(families):
        child = factories.UserFactory(username=f"child{tag}-{number}")
        factories.MembershipFactory(user=child, classroom=classroom, role=Membership.Role.PUPIL)
        for parent_number in range(2):
            parent = factories.UserFactory(username=f"parent{tag}-{number}-{parent_number}")
            factories.GuardianshipFactory(parent=parent, child=child)
            if number % 2 and parent_number == 0:
                services.acknowledge(word, child.pk, parent, "yes")
        WordConcern.objects.create(word=word, child=child, classroom=classroom)
    return director, word


def count(client, director, url):
    client.force_login(director)
    client.get(url)  # warm the person's cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["liaison:follow", "liaison:print", "liaison:index"])
def test_the_follow_up_of_30_families_costs_what_3_cost(client, portal, name):
    few = school_with(portal, 3, "a")
    many = school_with(portal, 30, "b")
    costs = []
    for director, word in (few, many):
        kwargs = {} if name == "liaison:index" else {"word_id": word.pk}
        costs.append(count(client, director, reverse(name, kwargs=kwargs)))
    assert costs[0] == costs[1], costs
    assert costs[1] <= 20
