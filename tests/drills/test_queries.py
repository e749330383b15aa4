"""The class grid, and a parent's view of the drill, cost the same number of queries with
2 pupils as with 12, each with rounds played."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from drills import rounds
from tests import factories
from tests.drills.drill_factory import right_answers

pytestmark = pytest.mark.django_db


def add_pupils(drills, first, count):
    for number in range(first, first + count):
        pupil = factories.UserFactory(username=f"extra{number}", first_name=f"Élève {number}")
        factories.MembershipFactory(user=pupil, classroom=drills.world.classroom)
        for _ in range(2):
            round_ = rounds.start(drills.drill, pupil)
            rounds.finish(round_, right_answers(round_))


def queries(client, person, url):
    client.force_login(person)
    client.get(url)  # warm the caches every page shares (the person, the site)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_grid_does_not_grow_with_the_pupils(client, drills):
    url = reverse("drills:grid", kwargs={"drill_id": drills.drill.pk})
    add_pupils(drills, 0, 1)
    few = queries(client, drills.world.teacher, url)
    add_pupils(drills, 1, 10)
    many = queries(client, drills.world.teacher, url)
    assert many == few, (few, many)
    assert "Élève 9" in client.get(url).content.decode()


def test_the_drill_page_does_not_grow_with_rounds(client, drills, django_assert_max_num_queries):
    pupil = drills.world.pupil
    for _ in range(8):
        round_ = rounds.start(drills.drill, pupil)
        rounds.finish(round_, ["0"] * 4)
    client.force_login(drills.world.parent)
    client.get(drills.drill.url)
    with django_assert_max_num_queries(30):
        assert client.get(drills.drill.url).status_code == 200
