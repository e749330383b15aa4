"""Signing in through an académie's CAS server and an OpenID Connect provider (issue 24),
as a teacher and a parent would, against real providers started on 127.0.0.1.

Claire, the CP's teacher, presses « ENT académique » on the login page, signs in on the
CAS server's form and lands in her class. Sophie, a parent, logs in with her password,
links her OpenID Connect account from her spaces, then signs in with the OpenID Connect
button and lands in her son's class. Someone whose CAS
account is linked to nobody is told so, and how to link it. At 390 px and 1024 px; axe
checks Préau's pages.
"""

import re
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from classrooms.models import Membership
from federation import identities
from tests import factories
from tests.browser.journeys import log_in
from tests.federation.providers.fixtures import (  # noqa: F401
    cas_on,
    cas_server,
    oidc_on,
    oidc_provider,
)

TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def school():
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École Jean-Jaurès")
    classroom = factories.ClassroomPageFactory(parent=school, title="CP de Mme Durand")
    people = SimpleNamespace(
        classroom=classroom,
        teacher=factories.UserFactory(
            username="claire.durand", first_name="Claire", last_name="Durand"
        ),
        pupil=factories.UserFactory(username="nathan.moreau", first_name="Nathan"),
        parent=factories.UserFactory(
            username="sophie.martin", first_name="Sophie", last_name="Martin"
        ),
    )
    factories.MembershipFactory(
        user=people.teacher, classroom=classroom, role=Membership.Role.TEACHER
    )
    factories.MembershipFactory(user=people.pupil, classroom=classroom, role=Membership.Role.PUPIL)
    factories.GuardianshipFactory(parent=people.parent, child=people.pupil)
    identities.link(people.teacher, "cas", "claire.cas")
    return people


def open_tab(browser, live_server, viewport):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=viewport)
    context.set_default_timeout(15_000)
    return context.new_page()


def fits(tab, width):
    tab.wait_for_load_state()
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


def sign_in_at_provider(tab, username, password):
    tab.locator("input[name=username]").fill(username)
    tab.locator("input[name=password]").fill(password)
    tab.locator("form [type=submit]").first.click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["390px", "1024px"])
def test_a_teacher_signs_in_with_cas_and_a_parent_with_openid_connect(
    browser,
    live_server,
    school,
    request,
    axe_check,
    viewport,  # noqa: F811
):
    width = viewport["width"]
    # The providers (fixtures imported above from tests/federation/providers/fixtures.py).
    cas = request.getfixturevalue("cas_on")
    oidc = request.getfixturevalue("oidc_on")

    # Claire, through her académie's CAS.
    tab = open_tab(browser, live_server, viewport)
    tab.goto("/compte/connexion/")
    others = tab.get_by_role("main")
    expect(others.get_by_role("link", name="ENT académique")).to_be_visible()
    expect(others.get_by_role("link", name="Connexion académique OIDC")).to_be_visible()
    fits(tab, width)
    axe_check(tab, f"federation-login-{width}")
    others.get_by_role("link", name="ENT académique").click()
    expect(tab).to_have_url(re.compile(re.escape(cas.url) + "login"))
    sign_in_at_provider(tab, "claire.cas", "cas-password")
    expect(tab).to_have_url(f"{live_server.url}{school.classroom.url}")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("CP de Mme Durand")
    tab.context.close()

    # Sophie links her OpenID Connect account from her spaces, logged in with her password.
    tab = open_tab(browser, live_server, viewport)
    log_in(tab, "sophie.martin")
    tab.goto("/compte/mes-espaces/")
    tab.get_by_role(
        "link", name=re.compile("Connexion avec mes comptes ENT|Sign-in with my ENT")
    ).click()
    expect(tab).to_have_url(f"{live_server.url}/connexion/comptes-lies/")
    fits(tab, width)
    axe_check(tab, f"federation-linked-accounts-{width}")
    tab.get_by_role(
        "button", name=re.compile("(Lier mon compte|Link my) Connexion académique OIDC")
    ).click()
    tab.get_by_role(
        "link", name=re.compile("(Continuer vers|Continue to) Connexion académique OIDC")
    ).click()
    sign_in_at_provider(tab, "sophie.oidc", "op-password")
    expect(tab).to_have_url(f"{live_server.url}/connexion/comptes-lies/")
    expect(tab.get_by_role("status")).to_contain_text("Connexion académique OIDC")
    tab.context.close()

    # Then she signs in through the OpenID Connect provider.
    tab = open_tab(browser, live_server, viewport)
    tab.goto("/compte/connexion/")
    tab.get_by_role("link", name="Connexion académique OIDC").click()
    expect(tab).to_have_url(re.compile(re.escape(oidc.url.removesuffix("/o")) + "/login/"))
    sign_in_at_provider(tab, "sophie.oidc", "op-password")
    expect(tab).to_have_url(f"{live_server.url}{school.classroom.url}")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("CP de Mme Durand")
    tab.context.close()

    # A CAS account linked to nobody: not signed in, told how to link it.
    tab = open_tab(browser, live_server, viewport)
    tab.goto("/compte/connexion/")
    tab.get_by_role("link", name="ENT académique").click()
    sign_in_at_provider(tab, "stranger.cas", "cas-password")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Connexion impossible")
    expect(tab.get_by_role("main")).to_contain_text("Lier mon compte ENT académique")
    fits(tab, width)
    axe_check(tab, f"federation-not-linked-{width}")
    tab.context.close()
