"""The public sites as a family sees them, on a computer and on a phone, checked by axe.

The interface's own words may not be translated yet when this runs: the test finds its
way by the demo's content (French page titles) and by addresses, not by interface text.
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from home.models import PortalPage
from pages.models import (
    AccessibilityStatementPage,
    CanteenMenuPage,
    GalleryPage,
    MunicipalityPage,
    NewsPage,
    SchoolPage,
)
from tests.browser.journeys import open_menu

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def demo_portal(django_db_serialized_rollback):
    """The demo portal; the rollback restores the portal page its migration created."""
    call_command("load_demo_data", verbosity=0)


def check_both_sizes(tab, axe_check, name):
    """axe and a screenshot on a computer's screen, then on a phone's."""
    tab.set_viewport_size(DESKTOP)
    axe_check(tab, name)
    tab.set_viewport_size(PHONE)
    axe_check(tab, f"{name}-phone")
    # Nothing may be wider than the phone: no sideways scrolling (WCAG 1.4.10, reflow).
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tab.set_viewport_size(DESKTOP)


def test_public_pages_are_accessible_on_computers_and_phones(page, demo_portal, axe_check):
    portal = PortalPage.objects.get(locale__language_code="fr")
    school = SchoolPage.objects.get(title="École primaire du Bourg")
    gallery = GalleryPage.objects.descendant_of(school).get()
    news = NewsPage.objects.descendant_of(school).live().order_by("-date").first()
    town = MunicipalityPage.objects.get(title="Villeneuve-sur-Loire")
    menu = CanteenMenuPage.objects.child_of(town).order_by("week_start").first()
    statement = AccessibilityStatementPage.objects.child_of(school).get()

    page.goto(portal.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Préau")
    footer_link = page.get_by_role("contentinfo").get_by_role("link")
    expect(footer_link).to_have_attribute(
        "href", AccessibilityStatementPage.objects.child_of(portal).get().url
    )
    check_both_sizes(page, axe_check, "public-portal")

    page.get_by_label(re.compile("Level|Niveau")).select_option("primary")
    page.get_by_role("search").get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"level=primary"))
    schools = page.locator("#schools-heading + .grid")
    expect(schools.get_by_role("link")).to_have_count(1)
    schools.get_by_role("link", name=school.title).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(school.title)
    expect(page.locator("body")).to_have_class("accent-green")
    expect(page.get_by_text("Catherine Vidal, directrice")).to_be_visible()
    expect(page.get_by_role("link", name=gallery.title, exact=True)).to_be_visible()
    expect(page.get_by_role("contentinfo").get_by_role("link")).to_have_attribute(
        "href", statement.url
    )
    check_both_sizes(page, axe_check, "public-school")

    page.get_by_role("link", name=news.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(news.title)
    expect(page.locator(".site-banner").get_by_role("link", name=school.title)).to_be_visible()
    check_both_sizes(page, axe_check, "public-news")

    page.goto(gallery.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(gallery.title)
    works = page.locator("article.work")
    expect(works).to_have_count(2)
    for image in works.locator("img").all():
        expect(image).to_have_attribute("alt", re.compile(r"\w{5,}"))
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    check_both_sizes(page, axe_check, "public-gallery")

    page.goto(town.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(town.title)
    page.get_by_role("link", name=menu.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(menu.title)
    expect(page.locator(".day-menu")).to_have_count(4)
    check_both_sizes(page, axe_check, "public-canteen")

    page.goto(town.url)
    check_both_sizes(page, axe_check, "public-town")

    page.goto(school.url)
    page.get_by_role("contentinfo").get_by_role("link").click()
    expect(page).to_have_url(re.compile(re.escape(statement.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(statement.title)
    check_both_sizes(page, axe_check, "public-statement")


def test_the_english_portal_and_its_translated_school_are_accessible(page, demo_portal, axe_check):
    """/en/: every school listed, the translated one in English, the others in French
    (marked lang="fr"); the translated school's page in English, the switcher saying so."""
    page.goto("/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Préau, the schools' portal")
    schools = page.locator("#schools-heading + .grid")
    expect(schools.get_by_role("link")).to_have_count(3)
    expect(schools.locator('a[lang="fr"]')).to_have_count(2)
    check_both_sizes(page, axe_check, "public-portal-en")

    schools.get_by_role("link", name="Jean-Jaurès Elementary School").click()
    expect(page).to_have_url(re.compile(r"/en/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Jean-Jaurès Elementary School")
    expect(page.get_by_text("Olivier Lambert, head teacher")).to_be_visible()
    french = open_menu(page).locator(".language-switcher")
    french = french.get_by_role("link", name="Français", exact=True)
    original = SchoolPage.objects.get(title="École élémentaire Jean-Jaurès")
    expect(french).to_have_attribute("href", original.url)
    expect(french).to_have_attribute("title", "Français")  # translated: no "interface only"
    check_both_sizes(page, axe_check, "public-school-en")

    page.goto("/en/")
    page.locator("#schools-heading + .grid").get_by_role(
        "link", name="École maternelle Les Lilas"
    ).click()
    expect(page).to_have_url(re.compile(r"/en/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("École maternelle Les Lilas")
