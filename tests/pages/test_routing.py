"""Routing an address in one query (pages/routing.py) serves what Wagtail's walk serves.

View restrictions on the page or above it still apply, a page whose `url_path` is out of
date is still found by the tree, the breadcrumb and the footer's statement come from
what routing read, and class spaces keep answering 404 to outsiders.
"""

import pytest
from wagtail.models import Page, PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uncached(settings):
    # Whole pages kept for anonymous visitors (performance/page_cache.py) would hide routing.
    settings.PREAU_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def news(world):
    section = factories.NewsIndexPageFactory(parent=world.school)
    item = factories.NewsPageFactory(parent=section, title="Kermesse", slug="kermesse")
    return section, item


def test_a_deep_page_is_served_with_its_breadcrumb(client, world, news):
    section, item = news
    html = client.get(item.url).content.decode()
    assert "Kermesse" in html
    assert f'href="{world.school.url}"' in html and f'href="{section.url}"' in html


def test_view_restrictions_on_an_ancestor_or_the_page_still_apply(client, world, news):
    section, item = news
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(item.url).status_code == 302
    assert client.get(section.url).status_code == 302
    assert client.get(world.school.url).status_code == 200
    client.force_login(world.parent)
    assert client.get(item.url).status_code == 200


def test_a_restriction_on_the_page_itself(client, news):
    _section, item = news
    PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(item.url).status_code == 302


def test_a_page_with_a_stale_url_path_is_still_found_by_the_tree(client, news):
    _section, item = news
    url = item.url
    Page.objects.filter(pk=item.pk).update(url_path="/ailleurs/kermesse/")
    response = client.get(url)
    assert response.status_code == 200 and "Kermesse" in response.content.decode()


def test_a_stale_url_path_does_not_serve_another_page(client, world, news):
    section, item = news
    other = factories.StandardPageFactory(parent=world.school, title="Projet", slug="projet")
    # The standard page claims the news item's address in its url_path, not in the tree.
    Page.objects.filter(pk=other.pk).update(url_path=item.url_path)
    Page.objects.filter(pk=item.pk).update(url_path="/ailleurs/")
    html = client.get(item.url).content.decode()
    assert "Kermesse" in html and "Projet" not in html.split("<main")[1]


def test_unknown_addresses_are_404(client, world, news):
    assert client.get(world.school.url + "nulle-part/").status_code == 404
    assert client.get(news[0].url + "kermesse/ailleurs/").status_code == 404


def test_the_footer_leaves_out_a_restricted_statement(client, world, news):
    _section, item = news
    statement = factories.AccessibilityStatementPageFactory(parent=world.school)
    assert statement.url in client.get(item.url).content.decode()
    PageViewRestriction.objects.create(page=statement, restriction_type=PageViewRestriction.LOGIN)
    assert statement.url not in client.get(item.url).content.decode()


def test_class_spaces_still_answer_404_to_outsiders(client, world):
    entry = factories.BlogEntryPageFactory(parent=world.classroom, title="Nos haricots")
    entry.save_revision().publish()
    client.force_login(world.outsider)
    assert client.get(world.classroom.url).status_code == 404
    assert client.get(entry.url).status_code == 404
    client.force_login(world.parent)
    assert client.get(world.classroom.url).status_code == 200
    assert "Nos haricots" in client.get(entry.url).content.decode()
