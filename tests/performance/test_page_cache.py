"""Anonymous public pages: who may keep them, Préau's own copy, and what a change purges.

Header tests read `Cache-Control` on real answers. Cache tests read the
`X-Preau-Page-Cache` header (miss when a page was kept, hit when it was served from the
cache). Purges go through the project's own `WAGTAILFRONTENDCACHE` (Préau's backend,
performance/page_cache.py), never a mock: a page still kept after a change is a hit.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Locale, Page, PageViewRestriction

from classrooms.models import BlogEntryPage, ClassroomPage, Visibility
from performance import page_cache
from tests import factories

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CACHE_HEADER = page_cache.HEADER


def anonymous_get(client, url, **extra):
    client.cookies.clear()  # a visitor without a session: anonymous
    return client.get(url, **extra)


def cache_words(response) -> dict:
    """Cache-Control as {directive: value or True}."""
    words = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            words[name.lower()] = value or True
    return words


def assert_public(response):
    words = cache_words(response)
    assert words.get("public") is True, response.get("Cache-Control")
    assert words["max-age"] == str(settings.PREAU_PAGE_BROWSER_SECONDS)
    assert words["s-maxage"] == str(settings.PREAU_PAGE_CACHE_SECONDS)
    assert "private" not in words and "no-store" not in words
    assert "Cookie" in response["Vary"]


def assert_never_shared(response):
    words = cache_words(response)
    assert "public" not in words, response.get("Cache-Control")
    assert "s-maxage" not in words
    assert "private" in words, response.get("Cache-Control")


def kept(client, *urls):
    """Each address as a visitor gets it again: "hit" when it was kept."""
    return {url: anonymous_get(client, url).get(CACHE_HEADER) for url in urls}


def keep(client, *urls):
    for url in urls:
        assert anonymous_get(client, url).status_code == 200, url
    assert set(kept(client, *urls).values()) == {"hit"}


@pytest.fixture
def news(world, portal):
    """School A's news section with a news item, and another school's own news."""
    index = factories.NewsIndexPageFactory(parent=world.school, title="Actualités")
    item = factories.NewsPageFactory(parent=index, title="Kermesse de juin")
    other_school = factories.SchoolPageFactory(parent=portal, title="École Pasteur")
    other_index = factories.NewsIndexPageFactory(parent=other_school, title="Nouvelles")
    other_item = factories.NewsPageFactory(parent=other_index, title="Carnaval")
    return {
        "item": item,
        "index": index,
        "school": world.school,
        "portal": portal,
        "other_school": other_school,
        "other_index": other_index,
        "other_item": other_item,
    }


def urls_of(pages, *names):
    return [pages[name].url for name in names]


# Who may keep what: the headers


def test_anonymous_school_and_news_pages_are_public(client, world, news):
    for url in urls_of(news, "school", "index", "item", "portal"):
        response = anonymous_get(client, url)
        assert response.status_code == 200
        assert_public(response)


def test_a_kept_copy_keeps_its_headers_and_says_how_old_it_is(client, world):
    first = anonymous_get(client, world.school.url)
    second = anonymous_get(client, world.school.url)
    assert second[CACHE_HEADER] == "hit"
    assert_public(second)
    assert 0 <= int(second["Age"]) <= 1
    for header in ("X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Vary"):
        assert second[header] == first[header]


def test_a_class_page_is_never_shared(client, world):
    response = anonymous_get(client, world.classroom.url)
    assert response.status_code == 302  # to the login page
    assert_never_shared(response)
    client.force_login(world.parent)
    response = client.get(world.classroom.url)
    assert response.status_code == 200
    assert_never_shared(response)
    assert "no-store" in cache_words(response)


def test_a_class_entry_made_public_is_a_class_page_never_shared(client, world):
    entry = factories.BlogEntryPageFactory(parent=world.classroom, title="Le potager")
    entry.visibility = Visibility.PUBLIC
    entry.save_revision().publish()
    entry = BlogEntryPage.objects.get(pk=entry.pk)
    for _ in range(2):
        response = anonymous_get(client, entry.url)
        assert response.status_code == 200
        assert "Le potager" in response.content.decode()
        assert_never_shared(response)
        assert CACHE_HEADER not in response


def test_a_class_file_is_never_shared(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world.classroom.refresh_from_db()
    photo = factories.ImageFactory(collection=world.classroom.collection)
    assert anonymous_get(client, photo.file.url).status_code == 302
    client.force_login(world.parent)
    response = client.get(photo.file.url)
    assert response.status_code == 200
    assert_never_shared(response)
    assert "no-store" in cache_words(response)


def test_every_logged_in_answer_is_private(client, world, news):
    client.force_login(world.parent)
    for url in (*urls_of(news, "school", "item", "portal"), world.classroom.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_never_shared(response)
        assert "no-store" in cache_words(response)
        assert CACHE_HEADER not in response


def test_a_preview_is_private_and_never_the_kept_page(client, world, news):
    item = news["item"]
    keep(client, item.url)
    item.title = "Kermesse reportée"
    response = item.make_preview_request()
    assert response.status_code == 200
    assert "Kermesse reportée" in response.content.decode()
    assert_never_shared(response)
    assert CACHE_HEADER not in response
    assert kept(client, item.url) == {item.url: "hit"}  # the live page is left in place


def test_the_admin_is_never_shared(client, world):
    client.force_login(factories.UserFactory(username="root", is_superuser=True))
    for url in ("/admin/", f"/admin/pages/{world.school.pk}/edit/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_never_shared(response)


def test_an_address_with_a_query_string_is_never_shared_nor_kept(client, world, portal):
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
            assert_never_shared(response)
    assert anonymous_get(client, url)[CACHE_HEADER] == "hit"


def test_a_visitor_with_a_message_waiting_gets_a_fresh_private_page(client, world):
    url = world.school.url
    keep(client, url)
    client.cookies["messages"] = "something"
    response = client.get(url)
    assert CACHE_HEADER not in response
    assert_never_shared(response)


def test_the_cache_can_be_switched_off(client, world, settings):
    settings.PREAU_PAGE_CACHE_SECONDS = 0
    url = world.school.url
    for _ in range(2):
        response = anonymous_get(client, url)
        assert CACHE_HEADER not in response
        assert_never_shared(response)


def test_no_public_page_type_can_live_in_a_class_space():
    """The header rule trusts the page type: a page of a public app is never a class
    page, because none may be created below a class or its activities."""
    below_a_class = set(ClassroomPage.allowed_subpage_models())
    for model in list(below_a_class):
        below_a_class |= set(model.allowed_subpage_models())
    assert below_a_class
    assert not {m for m in below_a_class if m._meta.app_label in settings.PREAU_PAGE_CACHE_APPS}
    assert "classrooms" not in settings.PREAU_PAGE_CACHE_APPS


# Préau's own copy


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


def test_logged_in_people_never_get_a_kept_page(client, world):
    url = world.school.url
    keep(client, url)
    client.force_login(world.parent)
    response = client.get(url)
    assert CACHE_HEADER not in response
    assert world.parent.first_name in response.content.decode()
    # And what they were shown is never kept for anonymous visitors.
    assert world.parent.first_name not in anonymous_get(client, url).content.decode()


def test_class_spaces_are_never_kept(client, world):
    for _ in range(2):
        response = anonymous_get(client, world.classroom.url)
        assert response.status_code == 302
        assert CACHE_HEADER not in response


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


def test_pages_are_kept_per_scheme(client, world, settings):
    """An http:// visit must still be redirected to https:// by the security middleware."""
    settings.SECURE_SSL_REDIRECT = True
    url = world.school.url
    assert client.get(url, secure=True).status_code == 200
    assert client.get(url, secure=True)[CACHE_HEADER] == "hit"
    assert client.get(url).status_code == 301


def test_a_copy_kept_at_another_address_of_the_site_is_purged_too(client, world):
    """The portal's site is `localhost`; the test client asks for `testserver`, as a
    demo is visited at 127.0.0.1:8000: both copies go when the page is published."""
    url = world.school.url
    for host in ("localhost", "testserver", "127.0.0.1:8000"):
        anonymous_get(client, url, HTTP_HOST=host)
        assert anonymous_get(client, url, HTTP_HOST=host)[CACHE_HEADER] == "hit", host
    world.school.save_revision().publish()
    for host in ("localhost", "testserver", "127.0.0.1:8000"):
        assert anonymous_get(client, url, HTTP_HOST=host)[CACHE_HEADER] == "miss", host


def test_addresses_a_visitor_makes_up_are_bounded(client, world, settings, monkeypatch):
    """With ALLOWED_HOSTS open, every made-up host would be one more copy for a purge to
    find: past MAX_OTHER_ORIGINS, pages are answered at a new address without being kept."""
    monkeypatch.setattr(page_cache, "MAX_OTHER_ORIGINS", 2)
    url = world.school.url
    for host in ("a.example", "b.example"):
        anonymous_get(client, url, HTTP_HOST=host)
        assert anonymous_get(client, url, HTTP_HOST=host)[CACHE_HEADER] == "hit"
    response = anonymous_get(client, url, HTTP_HOST="c.example")
    assert response.status_code == 200
    assert_public(response)  # a proxy may still keep it; Préau does not
    assert CACHE_HEADER not in response
    assert CACHE_HEADER not in anonymous_get(client, url, HTTP_HOST="c.example")


def test_the_health_check_reads_no_table(client, db):
    """It asks the database whether it answers, nothing more (tests/performance/
    test_cache_failures.py: what it says when something is down)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert [query["sql"] for query in queries] == ["SELECT 1"]


# What a change purges


def test_the_purge_goes_through_wagtail_s_frontend_cache():
    backends = get_backends()
    assert isinstance(backends["preau"], page_cache.PageCacheBackend)


def test_publishing_a_news_item_purges_it_its_section_and_homes_only(
    client, world, news, django_capture_on_commit_callbacks
):
    everything = urls_of(
        news, "item", "index", "school", "portal", "other_school", "other_index", "other_item"
    )
    keep(client, *everything)
    item = news["item"]
    item.title = "Kermesse déplacée"
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    assert kept(client, *everything) == {
        news["item"].url: "miss",
        news["index"].url: "miss",
        news["school"].url: "miss",
        news["portal"].url: "miss",
        news["other_school"].url: "hit",
        news["other_index"].url: "hit",
        news["other_item"].url: "hit",
    }
    assert "Kermesse déplacée" in anonymous_get(client, news["index"].url).content.decode()


def test_a_news_section_s_feeds_are_purged_with_it(
    client, world, news, django_capture_on_commit_callbacks
):
    index = news["index"]
    feeds = [f"{index.url}rss/", f"{index.url}agenda/", f"{index.url}agenda/ics/"]
    keep(client, *feeds)
    fresh = factories.NewsPageFactory(parent=index, title="Photo de classe", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        fresh.save_revision().publish()
    assert set(kept(client, *feeds).values()) == {"miss"}
    assert "Photo de classe" in anonymous_get(client, feeds[0]).content.decode()


def test_unpublishing_and_deleting_a_news_item_purge_it_and_its_section(
    client, world, news, django_capture_on_commit_callbacks
):
    item, index = news["item"], news["index"]
    keep(client, item.url, index.url, news["other_index"].url)
    with django_capture_on_commit_callbacks(execute=True):
        item.unpublish()
    assert anonymous_get(client, item.url).status_code == 404
    assert "Kermesse de juin" not in anonymous_get(client, index.url).content.decode()
    other = news["other_item"]
    keep(client, other.url, news["other_index"].url, index.url)
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=other.pk).delete()
    assert anonymous_get(client, other.url).status_code == 404
    assert kept(client, news["other_index"].url, index.url) == {
        news["other_index"].url: "miss",
        index.url: "hit",
    }


def test_moving_a_page_purges_both_places(client, world, news, django_capture_on_commit_callbacks):
    item, index, other_index = news["item"], news["index"], news["other_index"]
    old_url = item.url
    keep(client, old_url, index.url, other_index.url)
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=item.pk).move(other_index, pos="last-child")
    assert anonymous_get(client, old_url).status_code == 301  # Wagtail's redirect to the new place
    assert "Kermesse de juin" not in anonymous_get(client, index.url).content.decode()
    assert "Kermesse de juin" in anonymous_get(client, other_index.url).content.decode()


def test_a_view_restriction_takes_effect_at_once(client, world, news):
    keep(client, world.school.url, news["item"].url, news["portal"].url)
    PageViewRestriction.objects.create(
        page=world.school, restriction_type=PageViewRestriction.LOGIN
    )
    for url in (world.school.url, news["item"].url):
        response = anonymous_get(client, url)
        assert response.status_code == 302, url  # to the login page
        assert_never_shared(response)
    assert world.school.title not in anonymous_get(client, news["portal"].url).content.decode()


def test_a_draft_purges_nothing(client, world, news):
    everything = urls_of(news, "item", "index", "school", "portal")
    keep(client, *everything)
    item = news["item"]
    item.title = "Brouillon"
    item.save_revision()
    news["school"].specific.save_revision()
    assert set(kept(client, *everything).values()) == {"hit"}


def test_a_class_s_changes_purge_nothing(client, world, news, settings, tmp_path):
    """A pupil's photo, a class entry published for the class, a class page saved: the
    public pages of the school stay kept."""
    settings.MEDIA_ROOT = tmp_path
    everything = urls_of(news, "item", "index", "school", "portal")
    keep(client, *everything)
    world.classroom.refresh_from_db()
    factories.ImageFactory(collection=world.classroom.collection, title="Mon dessin")
    entry = factories.BlogEntryPageFactory(parent=world.classroom, title="Nos haricots")
    entry.save_revision().publish()
    world.classroom.save_revision().publish()
    assert set(kept(client, *everything).values()) == {"hit"}


def test_a_copy_kept_before_the_publication_commits_is_purged_when_it_does(
    client, world, django_capture_on_commit_callbacks
):
    """A visitor's request between the publication and its commit keeps a copy; the purge
    is made again once the transaction commits."""
    url = world.school.url
    keep(client, url)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        world.school.save_revision().publish()
        anonymous_get(client, url)  # kept again, before the commit
        assert anonymous_get(client, url)[CACHE_HEADER] == "hit"
    assert anonymous_get(client, url)[CACHE_HEADER] == "miss"


# Configuration


def settings_in_a_fresh_process(module, **environment):
    code = (
        "import sys; sys.path.insert(0, 'site'); "
        f"import {module} as s; print(s.PREAU_PAGE_CACHE_ALIAS, sorted("
        "(name, b['BACKEND'], b.get('LOCATION')) for name, b in s.WAGTAILFRONTENDCACHE.items()))"
    )
    base = {
        "PATH": "/usr/bin:/bin",
        "SECRET_KEY": "x",
        "ALLOWED_HOSTS": "preau.example.org",
        "AXES_PROXY_COUNT": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_a_proxy_s_purge_address_adds_wagtail_s_http_backend():
    output = settings_in_a_fresh_process(
        "preau.settings.production",
        REDIS_URL="redis://127.0.0.1:6379/9",
        PREAU_FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081",
    )
    assert output == (
        "public_pages [('preau', 'performance.page_cache.PageCacheBackend', None), "
        "('proxy', 'wagtail.contrib.frontend_cache.backends.HTTPBackend', "
        "'http://127.0.0.1:6081')]"
    )


def test_production_without_redis_keeps_no_page_in_process():
    """Each worker would keep its own copies, and a purge reach one of them only."""
    output = settings_in_a_fresh_process("preau.settings.production")
    assert output == "None []"


def test_a_change_below_the_portal_purges_its_translations_too(
    client, world, news, django_capture_on_commit_callbacks
):
    """The English portal home lists the French tree's schools and news
    (home/directory.py): a school published in French purges it, not the other sites."""
    english = Locale.objects.get(language_code="en")
    news["portal"].copy_for_translation(english).save_revision().publish()
    school_en = news["other_school"].copy_for_translation(english)
    school_en.save_revision().publish()
    urls = ["/en/", news["other_school"].url, school_en.url]
    assert school_en.url.startswith("/en/")
    keep(client, *urls)
    school = factories.SchoolPageFactory(parent=news["portal"], title="École Condorcet")
    with django_capture_on_commit_callbacks(execute=True):
        school.save_revision().publish()
    assert kept(client, *urls) == {"/en/": "miss", urls[1]: "hit", urls[2]: "hit"}
    assert "École Condorcet" in anonymous_get(client, "/en/").content.decode()
