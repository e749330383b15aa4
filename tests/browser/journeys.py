"""What every browser journey does: log a person in through the form, open a fresh tab."""

import re

from playwright.sync_api import expect

from tests import factories


def log_in(tab, username):
    tab.goto("/compte/connexion/")
    tab.get_by_label("Identifiant").fill(username)
    tab.get_by_label("Mot de passe").fill(factories.TEST_PASSWORD)
    tab.get_by_role("main").get_by_role("button", name="Se connecter").click()
    expect(tab).not_to_have_url(re.compile(r"/compte/connexion/"))


def new_tab(browser, live_server):
    """A tab in a context of its own: its own cookies, so one person per tab."""
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    return context.new_page()
