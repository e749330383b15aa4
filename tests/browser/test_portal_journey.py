"""A teacher's first visit, as a person would make it: portal, login, their class."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from home.management.commands.load_demo_data import DEMO_PASSWORD
from tests.browser.journeys import open_menu

DEMO_TEACHER = "claire.durand"
DEMO_TEACHER_CLASS = "CP de Mme Durand"


@pytest.fixture
def demo_portal(django_db_serialized_rollback):
    """The demo portal; the rollback restores the portal page its migration created."""
    call_command("load_demo_data", verbosity=0)


def test_teacher_logs_in_from_the_portal_and_reaches_their_class(page, demo_portal, axe_check):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Préau")
    schools = page.get_by_role("region", name="Écoles")
    expect(schools.get_by_role("link", name="École élémentaire Jean-Jaurès")).to_be_visible()
    expect(page.get_by_role("link", name="Saint-Aubin-des-Prés")).to_be_visible()
    axe_check(page, "portal")

    open_menu(page)
    page.get_by_role("banner").get_by_role("link", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Se connecter")
    axe_check(page, "login")

    page.get_by_label("Identifiant").fill(DEMO_TEACHER)
    page.get_by_label("Mot de passe").fill("not the password")
    page.get_by_role("main").get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_contain_text("ne correspondent pas")
    expect(page.get_by_label("Identifiant")).to_have_value(DEMO_TEACHER)

    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Se connecter").click()
    # A teacher of one class lands on it; "Mes espaces" stays in the menu.
    expect(page.get_by_role("heading", level=1)).to_contain_text(DEMO_TEACHER_CLASS)
    class_url = page.url
    open_menu(page).get_by_role("link", name="Mes espaces").click()
    expect(page).to_have_url(re.compile(r"/compte/mes-espaces/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Claire D. !")
    axe_check(page, "teacher-spaces")

    page.get_by_role("main").get_by_role("link", name=DEMO_TEACHER_CLASS).click()
    expect(page).to_have_url(class_url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(DEMO_TEACHER_CLASS)
    expect(page.get_by_role("heading", name="Le mur de la classe")).to_be_visible()
    axe_check(page, "teacher-class")


def test_school_page_switches_to_english(page, demo_portal, axe_check):
    page.goto("/")
    page.get_by_role("link", name="École élémentaire Jean-Jaurès").click()
    expect(page.get_by_role("heading", name="Informations pratiques")).to_be_visible()
    axe_check(page, "school-fr")
    open_menu(page)
    page.get_by_role("navigation", name="Langue").get_by_role(
        "link", name=re.compile("^English")
    ).click()
    expect(page).to_have_url(re.compile(r"/en/"))
    expect(page.get_by_role("heading", name="Practical information")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    axe_check(page, "school-en")
