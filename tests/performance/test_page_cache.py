"""The public page cache: anonymous visitors get kept pages, never anyone else's, never stale.

Each test reads the `X-Preau-Page-Cache` header (miss when a page was kept, hit when it
was served from the cache) and counts SQL queries: a hit touches no database.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from performance import page_cache
from tests import factories

pytestmark = pytest.mark.django_db

CACHE_HEADER = "X-Preau-Page-Cache"


def anonymous_get(client, url):
    client.cookies.clear()
    return client.get(url)


def test_second_anonymous_visit_is_served_from_the_cache_without_sql(client, world):
    url = world.school.url
    first = anonymous_get(client, url)
    assert first.status_code == 200
    assert first[CACHE_HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = anonymous_get(client, url)
    assert second.status_code == 200
    assert second[CACHE_HEADER] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_anonymous_pages_set_no_cookie_and_carry_no_token(client, world):
    response = anonymous_get(client, world.school.url)
    assert not response.cookies
    assert b"X-CSRFToken" not in response.content


def test_publishing_a_change_drops_the_kept_page(client, world):
    url = world.school.url
    anonymous_get(client, url)
    assert anonymous_get(client, url)[CACHE_HEADER] == "hit"
    world.school.title = "École Jean-Jaurès, nouveau nom"
    world.school.save_revision().publish()
    response = anonymous_get(client, url)
    assert "nouveau nom" in response.content.decode()
    assert response[CACHE_HEADER] == "miss"


def test_publishing_a_news_page_refreshes_the_school_page_that_lists_it(client, world):
    index = factories.NewsIndexPageFactory(parent=world.school, title="Actualités")
    url = index.url
    anonymous_get(client, url)
    assert anonymous_get(client, url)[CACHE_HEADER] == "hit"
    news = factories.NewsPageFactory(parent=index, title="Kermesse de juin", live=False)
    news.save_revision().publish()
    assert "Kermesse de juin" in anonymous_get(client, url).content.decode()


def test_a_view_restriction_takes_effect_at_once(client, world):
    url = world.school.url
    anonymous_get(client, url)
    PageViewRestriction.objects.create(
        page=world.school, restriction_type=PageViewRestriction.LOGIN
    )
    response = anonymous_get(client, url)
    assert response.status_code == 302


def test_logged_in_people_never_get_a_kept_page(client, world):
    url = world.school.url
    anonymous_get(client, url)
    anonymous_get(client, url)
    client.force_login(world.parent)
    response = client.get(url)
    assert CACHE_HEADER not in response
    assert world.parent.first_name in response.content.decode()
    # And what they were shown is never kept for anonymous visitors.
    client.logout()
    assert world.parent.first_name not in anonymous_get(client, url).content.decode()


def test_class_spaces_are_never_kept(client, world):
    client.force_login(world.parent)
    assert client.get(world.classroom.url).status_code == 200
    client.logout()
    for _ in range(2):
        response = anonymous_get(client, world.classroom.url)
        assert response.status_code == 302  # to the login page
        assert CACHE_HEADER not in response


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, world):
    url = world.school.url
    anonymous_get(client, url)
    client.cookies["messages"] = "something"
    response = client.get(url)
    assert CACHE_HEADER not in response


def test_an_address_with_a_query_string_is_never_kept(client, world, portal):
    """Visitors must not fill the cache (and evict what it holds) with addresses they make
    up: a search, a page number, a parameter nobody reads are answered fresh, never kept;
    the bare address is kept as before."""
    url = world.school.url
    assert anonymous_get(client, url)[CACHE_HEADER] == "miss"
    for address in (
        f"{url}?page=2",
        f"{url}?utm_source=lettre",
        f"{portal.url}?q=4f7d2a",
        f"{portal.url}?q=9c01e3&level=elementary",
    ):
        for _ in range(2):
            response = anonymous_get(client, address)
            assert response.status_code == 200
            assert CACHE_HEADER not in response, address
    assert anonymous_get(client, url)[CACHE_HEADER] == "hit"


def test_an_event_has_one_address_only(client, world):
    """Each address a page answers is kept: an event's calendar file answers at its id,
    never at the same id padded with zeros (one kept copy per number of zeros)."""
    index = factories.NewsIndexPageFactory(parent=world.school)
    event = factories.EventPageFactory(parent=index)
    url = f"{index.url}events/{event.pk}/ics/"
    assert anonymous_get(client, url)[CACHE_HEADER] == "miss"
    for padded in (f"{index.url}events/0{event.pk}/ics/", f"{index.url}events/00{event.pk}/ics/"):
        response = anonymous_get(client, padded)
        assert response.status_code == 404
        assert CACHE_HEADER not in response


def test_the_cache_can_be_switched_off(client, world, settings):
    settings.PREAU_PAGE_CACHE_SECONDS = 0
    url = world.school.url
    anonymous_get(client, url)
    assert CACHE_HEADER not in anonymous_get(client, url)


def test_an_entry_of_an_older_generation_is_ignored(client, world):
    url = world.school.url
    anonymous_get(client, url)
    page_cache.invalidate()
    assert anonymous_get(client, url)[CACHE_HEADER] == "miss"


def test_the_health_check_reads_no_table(client, db):
    """It asks the database whether it answers, nothing more (tests/performance/
    test_cache_failures.py: what it says when something is down)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert [query["sql"] for query in queries] == ["SELECT 1"]


def test_a_kept_page_keeps_the_security_headers(client, world):
    url = world.school.url
    first = anonymous_get(client, url)
    second = anonymous_get(client, url)
    assert second[CACHE_HEADER] == "hit"
    for header in ("X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
        assert second[header] == first[header]


def test_pages_are_kept_per_scheme(client, world, settings):
    """An http:// visit must still be redirected to https:// by the security middleware."""
    settings.SECURE_SSL_REDIRECT = True
    url = world.school.url
    secure = client.get(url, secure=True)
    assert secure.status_code == 200
    assert client.get(url, secure=True)[CACHE_HEADER] == "hit"
    assert client.get(url).status_code == 301
