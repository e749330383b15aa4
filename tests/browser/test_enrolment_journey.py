"""A director, as a new user would: a class, the ONDE file, the login cards, a pupil logs in."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from home.management.commands.load_demo_data import DEMO_PASSWORD
from pages.models import SchoolPage

DIRECTOR = "olivier.lambert"
SCHOOL = "École élémentaire Jean-Jaurès"

PUPILS_FILE = (
    "Nom élève;Prénom élève;Date naissance;Niveau;Libellé classe;Autorisation photo\r\n"
    "LEFEBVRE;Zoé;04/09/2017;CE2;CE2 B;Oui\r\n"
    "N'DIAYE;Anaïs;12/01/2017;CE2;CE2 B;Non\r\n"
    "BERNARD;Noël;30/06/2016;CM1;CM1 B;\r\n"
)
PARENTS_FILE = (
    "Nom responsable;Prénom responsable;Courriel;Nom élève;Prénom élève;Date naissance\r\n"
    "LEFEBVRE;Hélène;helene.lefebvre@example.org;LEFEBVRE;Zoé;04/09/2017\r\n"
)


@pytest.fixture
def demo_portal(django_db_serialized_rollback):
    """The demo portal; the rollback restores the portal page its migration created."""
    call_command("load_demo_data", verbosity=0)


def log_in(tab, username, password):
    tab.goto("/compte/connexion/")
    tab.get_by_label("Identifiant").fill(username)
    tab.get_by_label("Mot de passe").fill(password)
    tab.get_by_role("main").get_by_role("button", name="Se connecter").click()
    expect(tab).to_have_url(re.compile(r"/compte/mes-espaces/$"))


def test_director_enrols_a_class_from_onde_and_a_pupil_logs_in_with_a_card(
    page, browser, live_server, demo_portal, axe_check, tmp_path
):
    school = SchoolPage.objects.get(title=SCHOOL)
    log_in(page, DIRECTOR, DEMO_PASSWORD)

    # The first hop by address: the link from the header comes with the spaces.
    page.goto(f"/ecole/{school.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Gestion de l’école · {SCHOOL}")
    axe_check(page, "enrolment-school")

    page.get_by_role("link", name="Créer une classe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Créer une classe")
    axe_check(page, "enrolment-class-create")
    page.get_by_label("Nom de la classe").fill("CE2 B")
    page.get_by_label("Niveau").select_option("CE2")
    page.get_by_role("button", name="Créer la classe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("CE2 B")
    expect(page.get_by_text("La classe « CE2 B » est créée.")).to_be_visible()
    axe_check(page, "enrolment-roster-empty")

    page.get_by_role("link", name=f"Gestion de l’école · {SCHOOL}").click()
    page.get_by_role("link", name="Importer le fichier ONDE").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importer le fichier ONDE")
    axe_check(page, "enrolment-import")
    pupils = tmp_path / "eleves.csv"
    pupils.write_bytes(PUPILS_FILE.encode("cp1252"))
    parents = tmp_path / "responsables.csv"
    parents.write_bytes(PARENTS_FILE.encode("utf-8-sig"))
    page.get_by_label("Fichier des élèves (CSV exporté d’ONDE)").set_input_files(str(pupils))
    page.get_by_label("Fichier des responsables légaux (CSV exporté d’ONDE)").set_input_files(
        str(parents)
    )
    page.get_by_role("button", name="Voir ce que fera l’import").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifier avant d’importer")
    ce2 = page.get_by_role("region", name="CE2 B")
    expect(ce2.get_by_text("LEFEBVRE Zoé")).to_be_visible()
    expect(ce2.get_by_text("LEFEBVRE Hélène")).to_be_visible()
    expect(page.get_by_role("region", name="CM1 B nouvelle classe")).to_be_visible()
    axe_check(page, "enrolment-preview")

    page.get_by_role("button", name="Appliquer l’import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("L’import est terminé")
    axe_check(page, "enrolment-import-done")

    page.get_by_role("button", name="Imprimer les cartes des 2 nouveaux élèves · CE2 B").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cartes de connexion des élèves")
    cards = page.locator(".login-card")
    expect(cards).to_have_count(2)
    expect(page.get_by_role("button", name="Imprimer les cartes")).to_be_visible()
    axe_check(page, "enrolment-cards")
    # Printed, the page is only the cards: no header, no buttons, no messages.
    page.emulate_media(media="print")
    expect(page.get_by_role("banner")).to_be_hidden()
    expect(page.get_by_role("button", name="Imprimer les cartes")).to_be_hidden()
    expect(cards.first).to_be_visible()
    axe_check(page, "enrolment-cards-print")
    page.emulate_media(media="screen")

    card = page.get_by_role("article", name="Zoé L.")
    username = card.locator(".login-card__username").inner_text()
    password = card.locator(".login-card__password").inner_text()
    assert username == "zoe.lefebvre"
    assert re.fullmatch(r"[a-z]+-[a-z]+-\d\d", password)
    expect(card.locator(".login-card__qr svg")).to_be_visible()
    # A pupil's card opens their card login page (cardlogin/): "it's me", then the class.
    expect(card.get_by_role("link")).to_have_attribute(
        "href", re.compile(rf"^{live_server.url}/compte/carte/[A-Za-z0-9_-]{{43}}/$")
    )

    # Back to the class list: the new pupils, their parent, one-click actions.
    page.get_by_role("link", name="Retour à la liste").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("CE2 B")
    expect(page.get_by_role("heading", name="LEFEBVRE Zoé")).to_be_visible()
    expect(
        page.get_by_role("button", name="Nouveau mot de passe pour Zoé LEFEBVRE")
    ).to_be_visible()
    axe_check(page, "enrolment-roster")
    page.get_by_role("link", name="Imprimer des cartes de connexion").click()
    expect(page.get_by_role("checkbox", name=re.compile("Hélène LEFEBVRE"))).to_be_checked()
    axe_check(page, "enrolment-cards-choice")
    page.get_by_role("navigation", name="Vous êtes ici").get_by_role("link", name="CE2 B").click()
    page.get_by_role("link", name="Ajouter un élève").click()
    axe_check(page, "enrolment-pupil-form")

    # The pupil, on another tablet, types the username and the password.
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    try:
        tablet = context.new_page()
        tablet.goto(f"/compte/connexion/?username={username}")
        expect(tablet.get_by_label("Identifiant")).to_have_value(username)
        tablet.get_by_label("Mot de passe").fill(password)
        tablet.get_by_role("main").get_by_role("button", name="Se connecter").click()
        # A pupil of one class lands straight on it.
        expect(tablet.get_by_role("heading", level=1)).to_have_text("CE2 B")
        expect(tablet.get_by_role("link", name="Écrire un article")).to_be_visible()
        axe_check(tablet, "enrolment-pupil-class")
    finally:
        context.close()
