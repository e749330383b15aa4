"""A week of a class's diary costs the same number of queries with 1 session and 1 item
as with 10 of each, for the teacher, a pupil and a parent."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from homework.models import Audience, ItemDone
from tests import factories

pytestmark = pytest.mark.django_db


def fill(diary, count):
    monday = diary.today - datetime.timedelta(days=diary.today.weekday())
    for number in range(count):
        session = factories.HomeworkSessionFactory(
            classroom=diary.world.classroom, date=monday + datetime.timedelta(days=number % 5)
        )
        for_class = factories.HomeworkItemFactory(
            session=session, due_date=diary.today + datetime.timedelta(days=1)
        )
        factories.HomeworkItemFactory(session=session, audience=Audience.GROUP, group=diary.group)
        chosen = factories.HomeworkItemFactory(session=session, audience=Audience.PUPILS)
        chosen.pupils.add(diary.grouped, diary.ungrouped)
        ItemDone.objects.create(item=for_class, pupil=diary.grouped)
        session.links.add(diary.entry)


def queries(client, person, url):
    client.force_login(person)
    client.get(url)  # warm the caches every page shares (the person, the site)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["teacher", "pupil", "parent"])
def test_a_week_costs_the_same_with_1_or_10_sessions(client, diary, who):
    diary.entry = factories.BlogEntryPageFactory(parent=diary.world.classroom, title="Sortie")
    person = {
        "teacher": diary.world.teacher,
        "pupil": diary.grouped,
        "parent": diary.world.parent,
    }[who]
    fill(diary, 1)
    few = queries(client, person, diary.page.url)
    fill(diary, 9)
    many = queries(client, person, diary.page.url)
    assert few == many, (few, many)


def test_the_class_wall_card_costs_the_same(client, diary):
    diary.entry = factories.BlogEntryPageFactory(parent=diary.world.classroom, title="Sortie")
    fill(diary, 1)
    few = queries(client, diary.grouped, diary.world.classroom.url)
    fill(diary, 9)
    many = queries(client, diary.grouped, diary.world.classroom.url)
    assert few == many, (few, many)
