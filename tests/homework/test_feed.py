"""The personal iCalendar feed: parsed by icalendar, only the person's own items, and
refused (404) with a wrong token or after a password change."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from homework.feeds import feed_token
from homework.models import Audience
from tests import factories

pytestmark = pytest.mark.django_db


def feed(client, person, token=None):
    url = reverse(
        "homework:feed", kwargs={"user_id": person.pk, "token": token or feed_token(person)}
    )
    return client.get(url)


def summaries(response):
    calendar = Calendar.from_ical(response.content)
    return sorted(str(todo["summary"]) for todo in calendar.walk("VTODO"))


@pytest.fixture
def items(diary):
    session = factories.HomeworkSessionFactory(classroom=diary.world.classroom, date=diary.today)
    factories.HomeworkItemFactory(session=session, text="Lire la page 3")
    factories.HomeworkItemFactory(
        session=session, text="Fiche des hiboux", audience=Audience.GROUP, group=diary.group
    )
    return session


def test_a_pupils_feed_holds_their_items_with_due_dates(client, diary, items):
    response = feed(client, diary.grouped)
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar"
    assert summaries(response) == ["Fiche des hiboux", "Lire la page 3"]
    todo = Calendar.from_ical(response.content).walk("VTODO")[0]
    assert todo["due"].dt == items.items.first().due_date
    assert summaries(feed(client, diary.ungrouped)) == ["Lire la page 3"]


def test_a_parents_feed_names_the_child(client, diary, items):
    assert summaries(feed(client, diary.world.parent)) == [
        "Léa · Fiche des hiboux",
        "Léa · Lire la page 3",
    ]
    # Anyone with no pupil and no child gets an empty calendar, never another's items.
    assert summaries(feed(client, diary.world.outsider)) == []


def test_a_wrong_or_revoked_token_is_refused(client, diary, items):
    assert feed(client, diary.grouped, token="0" * 40).status_code == 404
    assert feed(client, diary.grouped, token=feed_token(diary.ungrouped)).status_code == 404
    old = feed_token(diary.grouped)
    diary.grouped.set_password("a-brand-new-secret-2026")
    diary.grouped.save()
    assert feed(client, diary.grouped, token=old).status_code == 404
    assert feed(client, diary.grouped).status_code == 200


def test_the_diary_shows_the_address_to_pupils_and_parents(client, diary):
    for person in (diary.grouped, diary.world.parent):
        client.force_login(person)
        page = client.get(diary.page.url).content.decode()
        assert feed_token(person) in page
    client.force_login(diary.world.teacher)
    assert feed_token(diary.world.teacher) not in client.get(diary.page.url).content.decode()
