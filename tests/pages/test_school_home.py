"""A school's home: the director's word, latest news, next events and public exhibitions."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(portal):
    return factories.SchoolPageFactory(
        parent=portal,
        title="École primaire du Bourg",
        director_word="<p>Bienvenue à toutes les familles du village.</p>",
        director_name="Catherine Vidal, directrice",
    )


@pytest.fixture
def news(school):
    return factories.NewsIndexPageFactory(parent=school)


def home(client, school):
    return client.get("/en" + school.url).content.decode()


def section(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_shows_the_directors_word_and_signature(client, school):
    html = section(home(client, school), "director-word-heading")
    assert "A word from the director" in html
    assert "Bienvenue à toutes les familles du village." in html
    assert "Catherine Vidal, directrice" in html


def test_without_a_word_there_is_no_empty_section(client, portal):
    school = factories.SchoolPageFactory(parent=portal)
    assert "director-word-heading" not in home(client, school)


def test_shows_the_next_three_events_of_this_school_only(client, school, news, portal):
    now = timezone.now()
    factories.EventPageFactory(parent=news, title="Kermesse passée", start=now - timedelta(days=3))
    factories.EventPageFactory(
        parent=news,
        title="Atelier en cours",
        start=now - timedelta(hours=1),
        end=now + timedelta(hours=1),
    )
    for days, title in [(2, "Cross"), (9, "Réunion"), (30, "Exposition"), (40, "Carnaval")]:
        factories.EventPageFactory(parent=news, title=title, start=now + timedelta(days=days))
    elsewhere = factories.NewsIndexPageFactory(
        parent=factories.SchoolPageFactory(parent=portal, title="Autre école")
    )
    factories.EventPageFactory(parent=elsewhere, title="Fête ailleurs")

    events = section(home(client, school), "events-heading")
    assert "Coming up" in events
    assert events.index("Atelier en cours") < events.index("Cross") < events.index("Réunion")
    for absent in ("Kermesse passée", "Exposition", "Carnaval", "Fête ailleurs"):
        assert absent not in events


def test_links_to_public_exhibitions_of_this_school_only(client, school, news, portal):
    public = factories.GalleryPageFactory(parent=news, title="Les soldats du village")
    factories.GalleryPageFactory(parent=news, title="Exposition en brouillon", live=False)
    private = factories.GalleryPageFactory(parent=news, title="Exposition réservée")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    elsewhere = factories.NewsIndexPageFactory(
        parent=factories.SchoolPageFactory(parent=portal, title="Autre école")
    )
    factories.GalleryPageFactory(parent=elsewhere, title="Exposition d'ailleurs")

    galleries = section(home(client, school), "galleries-heading")
    assert f'href="{public.url}"' in galleries
    for absent in ("brouillon", "réservée", "ailleurs"):
        assert absent not in galleries


def test_latest_news_are_the_three_most_recent(client, school, news):
    today = timezone.localdate()
    for days in range(5):
        factories.NewsPageFactory(
            parent=news, title=f"Nouvelle d'il y a {days} jours", date=today - timedelta(days)
        )
    latest = section(home(client, school), "news-heading")
    assert [f"il y a {days} jours" in latest for days in range(5)] == [True] * 3 + [False] * 2


def count_queries(client, url):
    # The rendering is counted, not the whole-page cache for anonymous visitors.
    with override_settings(PREAU_PAGE_CACHE_SECONDS=0):
        client.get(url)  # what requests keep is read once after a change, then kept
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
    return len(queries)


def fill(school, news, number):
    now = timezone.now()
    for n in range(number):
        factories.NewsPageFactory(parent=news)
        factories.EventPageFactory(parent=news, start=now + timedelta(days=n + 1))
        factories.GalleryPageFactory(parent=news, intro="Une exposition des élèves.")
        factories.StandardPageFactory(parent=school)


def test_school_home_queries_do_not_grow_with_its_content_or_other_schools(
    client, school, news, portal
):
    fill(school, news, 1)
    client.get(school.url)  # fills Wagtail's per-process caches (sites, content types)
    few = count_queries(client, school.url)
    fill(school, news, 8)
    for number in range(10):
        other = factories.SchoolPageFactory(parent=portal, title=f"École {number}")
        fill(other, factories.NewsIndexPageFactory(parent=other), 1)
    assert count_queries(client, school.url) == few


def test_town_home_queries_do_not_grow_with_its_menus_and_pages(client, portal):
    town = factories.MunicipalityPageFactory(parent=portal)
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    factories.CanteenMenuPageFactory(parent=town, week_start=monday)
    factories.StandardPageFactory(parent=town)
    client.get(town.url)
    few = count_queries(client, town.url)
    factories.CanteenMenuPageFactory(parent=town, week_start=monday + timedelta(days=7))
    for weeks in range(2, 8):
        factories.CanteenMenuPageFactory(parent=town, week_start=monday + timedelta(weeks=weeks))
        factories.StandardPageFactory(parent=town)
    assert count_queries(client, town.url) == few
