"""Signing in with EduConnect (SAML, federation/saml/), as a family would, against a real
IdP on 127.0.0.1 (pysaml2's Server, tests/federation/saml_idp.py).

Sophie Martin presses « EduConnect » on the login page and signs in at EduConnect: her
account is not linked yet, the page says how to link it. She logs in with her Préau
password, links her EduConnect account from "My spaces", logs out, and from then on
« EduConnect » takes her straight to her child's class. At 390 px and 1024 px; axe on
every page of Préau's she sees.
"""

from urllib.parse import urlparse

import pytest
import requests
from playwright.sync_api import expect

from classrooms.models import Membership
from federation.models import ExternalIdentity
from tests import factories
from tests.browser.journeys import open_menu
from tests.federation.saml_idp import LocalIdP, make_key_pair

TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def family(django_db_serialized_rollback):
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École Jean-Jaurès")
    classroom = factories.ClassroomPageFactory(parent=school, title="CP de Mme Durand")
    pupil = factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin")
    parent = factories.UserFactory(
        username="sophie.martin", first_name="Sophie", last_name="Martin"
    )
    factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    factories.GuardianshipFactory(parent=parent, child=pupil)
    return parent, classroom


@pytest.fixture
def educonnect(tmp_path, settings, live_server):
    host = urlparse(live_server.url).hostname
    sp_key, sp_cert = make_key_pair(tmp_path, "sp")
    idp = LocalIdP(tmp_path, host=host)
    settings.PREAU_SAML_PROVIDERS = [
        {
            "key": "educonnect",
            "label": "EduConnect",
            "idp_metadata": str(idp.metadata_file),
            "sp_key": str(sp_key),
            "sp_cert": str(sp_cert),
        }
    ]
    sp_metadata = tmp_path / "sp-metadata.xml"
    sp_metadata.write_bytes(
        requests.get(f"{live_server.url}/connexion/saml/educonnect/metadata/", timeout=10).content
    )
    idp.start(sp_metadata)
    idp.users["sophie.m.edu"] = ("mot-de-passe-edu", "FR-EDU-b41c07")
    yield idp
    idp.stop()


def fits(tab, width):
    tab.wait_for_load_state()
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


def sign_in_at_educonnect(tab):
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Connexion EduConnect")
    tab.get_by_label("Identifiant EduConnect").fill("sophie.m.edu")
    tab.get_by_label("Mot de passe EduConnect").fill("mot-de-passe-edu")
    tab.get_by_role("button", name="Valider").click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["390px", "1024px"])
def test_a_parent_links_educonnect_then_signs_in_with_it(
    browser, live_server, family, educonnect, axe_check, viewport
):
    parent, classroom = family
    width = viewport["width"]
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=viewport)
    context.set_default_timeout(15_000)
    tab = context.new_page()

    # Not linked yet: EduConnect knows her, Préau does not, and says how to link.
    tab.goto("/compte/connexion/")
    fits(tab, width)
    axe_check(tab, f"saml-login-{width}")
    tab.get_by_role("link", name="EduConnect").click()
    sign_in_at_educonnect(tab)
    expect(tab).to_have_url(f"{live_server.url}/connexion/saml/educonnect/acs/")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("EduConnect")
    fits(tab, width)
    axe_check(tab, f"saml-not-linked-{width}")
    assert "_auth_user_id" not in str(context.cookies())

    # She logs in with her Préau password and links her EduConnect account.
    tab.get_by_role("main").get_by_role("link").last.click()
    expect(tab).to_have_url(f"{live_server.url}/compte/connexion/")
    tab.get_by_label("Identifiant").fill(parent.username)
    tab.get_by_label("Mot de passe").fill(factories.TEST_PASSWORD)
    tab.get_by_role("main").get_by_role("button", name="Se connecter").click()
    tab.wait_for_url(lambda url: "/compte/connexion/" not in url)
    tab.goto("/compte/mes-espaces/")
    tab.locator('a[href="/connexion/comptes-lies/"]').click()
    expect(tab).to_have_url(f"{live_server.url}/connexion/comptes-lies/")
    fits(tab, width)
    axe_check(tab, f"saml-accounts-{width}")
    with tab.expect_navigation():
        tab.get_by_role("main").get_by_role("button").click()
    fits(tab, width)
    axe_check(tab, f"saml-link-continue-{width}")
    tab.get_by_role("main").get_by_role("link", name="EduConnect").click()
    sign_in_at_educonnect(tab)
    expect(tab).to_have_url(f"{live_server.url}/connexion/comptes-lies/")
    expect(tab.locator(".message--success")).to_be_visible()
    fits(tab, width)
    axe_check(tab, f"saml-linked-{width}")
    assert ExternalIdentity.objects.get(provider="educonnect").user == parent

    # Logged out, « EduConnect » takes her to her child's class.
    menu = open_menu(tab)
    menu.get_by_role("button", name="Se déconnecter").click()
    tab.goto("/compte/connexion/")
    tab.get_by_role("link", name="EduConnect").click()
    sign_in_at_educonnect(tab)
    expect(tab).to_have_url(f"{live_server.url}{classroom.url}")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("CP de Mme Durand")
    context.close()
