"""A school's or town's logo and colour, worn by all its public pages, readable by everyone."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from pages.models import AccentColour, MunicipalityPage, SchoolPage
from tests import factories

pytestmark = pytest.mark.django_db

WHITE = "#ffffff"
CSS = (settings.BASE_DIR / "static" / "css" / "preau.css").read_text()


def luminance(colour):
    """Relative luminance, as WCAG 2.1 defines it."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted([luminance(first), luminance(second)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def accent_rule(name):
    """The custom properties the stylesheet's `.accent-<name>` class sets."""
    match = re.search(r"\.accent-" + name + r"\s*\{([^}]*)\}", CSS)
    assert match, f".accent-{name} is missing from preau.css"
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", match.group(1)))


def test_contrast_formula_matches_known_values():
    assert contrast(WHITE, "#000000") == pytest.approx(21)
    assert contrast(WHITE, "#767676") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colour", AccentColour, ids=lambda colour: colour.name)
def test_white_text_is_readable_on_every_site_colour(colour):
    assert contrast(WHITE, colour.value) >= 4.5
    rule = accent_rule(colour.name.lower())
    assert rule["brand"] == colour.value  # the stylesheet wears the colour the editor chose
    assert contrast(WHITE, rule["brand-dark"]) >= 4.5  # hovered buttons and links
    assert contrast(rule["brand-dark"], rule["brand-tint"]) >= 4.5  # the site banner


def test_identity_is_edited_in_its_own_tab():
    from django.utils import translation

    for model in (SchoolPage, MunicipalityPage):
        with translation.override("en"):
            tabs = {str(tab.heading): tab for tab in model.get_edit_handler().children}
        assert "Site identity" in tabs, model
        fields = {panel.field_name for panel in tabs["Site identity"].children}
        assert fields == {"logo", "accent"}


@pytest.fixture
def school(portal):
    school = factories.SchoolPageFactory(
        parent=portal, title="École du Bourg", accent=AccentColour.GREEN
    )
    school.refresh_from_db()
    school.logo = factories.ImageFactory(title="Logo du Bourg", collection=school.collection)
    school.save_revision().publish()
    return school


def body_class(html):
    return re.search(r'<body class="([^"]*)"', html).group(1)


def test_school_home_wears_its_colour_and_logo(client, school):
    html = client.get(school.url).content.decode()
    assert body_class(html) == "accent-green"
    assert 'class="site-title__logo"' in html
    assert 'class="site-banner"' not in html  # the home shows its name in its own title


def test_every_public_page_of_the_school_wears_its_identity(client, school, subtests):
    news = factories.NewsIndexPageFactory(parent=school)
    pages = {
        "standard page": factories.StandardPageFactory(parent=school, title="Projet d'école"),
        "news section": news,
        "news item": factories.NewsPageFactory(parent=news),
        "event": factories.EventPageFactory(parent=news),
        "exhibition": factories.GalleryPageFactory(parent=news),
        "statement": factories.AccessibilityStatementPageFactory(parent=school),
    }
    for kind, page in pages.items():
        with subtests.test(msg=kind):
            html = client.get(page.url).content.decode()
            assert body_class(html) == "accent-green"
            banner = html[html.index('class="site-banner"') :]
            assert f'href="{school.url}"' in banner[:400]
            assert "École du Bourg" in banner[:600] and "site-banner__logo" in banner[:600]


def test_other_sites_keep_their_own_colour(client, school, portal):
    town = factories.MunicipalityPageFactory(parent=portal, accent=AccentColour.BLUE)
    plain = factories.SchoolPageFactory(parent=portal, title="École sans couleur")
    page_of_plain = factories.StandardPageFactory(parent=plain, title="Règlement")
    assert body_class(client.get(town.url).content.decode()) == "accent-blue"
    assert body_class(client.get(plain.url).content.decode()) == ""
    html = client.get(page_of_plain.url).content.decode()
    assert body_class(html) == ""
    assert "site-banner__mark" in html  # no logo: the school pictogram stands in
    assert body_class(client.get(portal.url).content.decode()) == ""


def count_queries(client, url):
    # The rendering is counted, not the whole-page cache for anonymous visitors.
    with override_settings(PREAU_PAGE_CACHE_SECONDS=0):
        client.get(url)  # what requests keep is read once after a change, then kept
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
    return len(queries)


def test_identity_costs_the_same_whatever_the_number_of_schools(client, school, portal):
    news = factories.NewsIndexPageFactory(parent=school)
    item = factories.NewsPageFactory(parent=news)
    client.get(item.url)  # warm Wagtail's caches and the logo's rendition
    before = count_queries(client, item.url)
    for number in range(8):
        other = factories.SchoolPageFactory(
            parent=portal, title=f"École {number}", accent=AccentColour.BRICK
        )
        factories.NewsPageFactory(parent=factories.NewsIndexPageFactory(parent=other))
        factories.NewsPageFactory(parent=news)
    assert count_queries(client, item.url) == before
