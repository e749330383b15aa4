"""A tab's title names the page, then the site, and never the site twice (issue 23)."""

import re

import pytest

from pages.templatetags.page_titles import with_site_name
from tests import factories

pytestmark = pytest.mark.django_db


def tab_title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def test_the_portal_home_titled_like_the_site_reads_its_name_once(client, portal):
    portal.title = "Préau"
    portal.save_revision().publish()
    assert tab_title(client.get("/")) == "Préau"


def test_a_page_reads_its_title_then_the_site(client, portal):
    factories.SchoolPageFactory(parent=portal, title="École du Bourg", slug="bourg")
    assert tab_title(client.get("/bourg/")) == "École du Bourg · Préau"


def test_a_view_with_its_own_title_block_reads_it_then_the_site(client, portal):
    assert tab_title(client.get("/compte/connexion/")).endswith(" · Préau")
    assert not tab_title(client.get("/compte/connexion/")).startswith(" ")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Préau", "Préau"),
        ("  Préau \n", "Préau"),
        ("", "Préau"),
        ("Messages", "Messages · Préau"),
        ("Tom & Léa", "Tom &amp; Léa · Préau"),
    ],
)
def test_the_filter_adds_the_site_name_unless_it_is_already_the_title(title, expected):
    assert with_site_name(title) == expected
