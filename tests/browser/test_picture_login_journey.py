"""Logging in without typing (issue 23), as a nursery class would.

Jade, three, scans her login card on the class tablet (the test opens the card's
address), presses the big "it's me" button and lands in her class. Then her classmate
Gabriel logs in from the class tablet's page: he taps his first name, then his four
pictures. At 390 px (a phone) and 1024 px (a tablet); axe checks every new page.
"""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from cardlogin import services
from classrooms.models import Level, Membership
from tests import factories

TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}
GABRIEL = ("1f34e", "1f436", "2b50", "1f319")
NAMES = {"1f34e": "pomme", "1f436": "chien", "2b50": "étoile", "1f319": "lune"}


@pytest.fixture
def nursery(django_db_serialized_rollback):
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Lilas")
    classroom = factories.ClassroomPageFactory(
        parent=school, title="Petite section de Mme Lefèvre", level=Level.PS
    )
    people = SimpleNamespace(
        classroom=classroom,
        teacher=factories.UserFactory(
            username="emilie.lefevre", first_name="Émilie", last_name="Lefèvre"
        ),
        jade=factories.UserFactory(username="jade.nguyen", first_name="Jade", last_name="Nguyen"),
        gabriel=factories.UserFactory(
            username="gabriel.roux", first_name="Gabriel", last_name="Roux"
        ),
    )
    factories.MembershipFactory(
        user=people.teacher, classroom=classroom, role=Membership.Role.TEACHER
    )
    for pupil in (people.jade, people.gabriel):
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    people.card = services.issue_card_tokens([people.jade], people.teacher)[people.jade.pk]
    people.tablet = services.issue_tablet_link(classroom, people.teacher)
    services.set_picture_password(people.gabriel, people.teacher, GABRIEL)
    return people


def open_tab(browser, live_server, viewport):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=viewport)
    context.set_default_timeout(15_000)
    return context.new_page()


def fits(tab, width):
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["390px", "1024px"])
def test_a_nursery_pupil_logs_in_with_her_card_then_a_classmate_with_pictures(
    browser, live_server, nursery, axe_check, viewport
):
    width = viewport["width"]
    tab = open_tab(browser, live_server, viewport)

    # Jade's card: the QR code opens this address; nothing happens until she presses.
    tab.goto(f"/compte/carte/{nursery.card}/")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Bonjour Jade ! C'est bien toi ?")
    fits(tab, width)
    axe_check(tab, f"card-login-{width}")
    tab.get_by_role("button", name="Oui, je suis Jade").click()
    expect(tab).to_have_url(f"{live_server.url}{nursery.classroom.url}")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Petite section de Mme Lefèvre")
    tab.context.close()

    # The class tablet: Gabriel taps his name, then his four pictures.
    tab = open_tab(browser, live_server, viewport)
    tab.goto(f"/compte/tablette/{nursery.tablet}/")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Qui es-tu ? Touche ton prénom.")
    expect(tab.get_by_role("link", name="Gabriel")).to_be_visible()
    expect(tab.get_by_role("main")).not_to_contain_text("Jade")  # no pictures yet
    fits(tab, width)
    axe_check(tab, f"tablet-names-{width}")
    tab.get_by_role("link", name="Gabriel").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Gabriel, touche tes 4 images")
    fits(tab, width)
    axe_check(tab, f"tablet-pictures-{width}")

    # A wrong picture first: he starts again, then taps his own.
    tab.get_by_role("button", name="voiture").click()
    tab.get_by_role("button", name="Recommencer").click()
    for code in GABRIEL:
        tab.get_by_role("button", name=NAMES[code], exact=True).click()
    expect(tab).to_have_url(f"{live_server.url}{nursery.classroom.url}")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Petite section de Mme Lefèvre")
    tab.context.close()


def test_a_wrong_sequence_is_explained_to_the_child(browser, live_server, nursery, axe_check):
    tab = open_tab(browser, live_server, PHONE)
    tab.goto(f"/compte/tablette/{nursery.tablet}/{nursery.gabriel.pk}/")
    for _ in range(4):
        tab.get_by_role("button", name="voiture").click()
    expect(tab.get_by_role("alert")).to_contain_text("Ce ne sont pas tes images")
    axe_check(tab, "tablet-wrong-390")
    tab.context.close()
