"""What every browser journey does: log a person in through the form, open a fresh tab,
publish a page from the Wagtail editor."""

import re

from playwright.sync_api import expect

from tests import factories


def log_in(tab, username):
    tab.goto("/compte/connexion/")
    tab.get_by_label("Identifiant").fill(username)
    tab.get_by_label("Mot de passe").fill(factories.TEST_PASSWORD)
    tab.get_by_role("main").get_by_role("button", name="Se connecter").click()
    expect(tab).not_to_have_url(re.compile(r"/compte/connexion/"))


def open_menu(tab):
    """Open the header's menu (a <details>: Messages, Notifications, Log out...)."""
    menu = tab.locator("details.main-menu")
    if menu.get_attribute("open") is None:
        menu.locator("summary").click()
    expect(menu).to_have_attribute("open", "")
    return menu


def new_tab(browser, live_server):
    """A tab in a context of its own: its own cookies, so one person per tab."""
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    return context.new_page()


def publish(tab):
    """Open the editor footer's action menu and press "Publish" (its primary button saves
    a draft), once the editor's last change is autosaved.

    Wagtail autosaves 0.5 s after each change (on PostgreSQL; the tests switch it off on
    SQLite). A new page is created by its first autosave: "Publish" pressed while that
    save is still pending posts the page a second time, and Wagtail refuses it (its slug
    is taken). A person sees "Saved" first; so does the test."""
    indicator = tab.locator("#w-autosave-indicator")
    if indicator.count():
        tab.wait_for_timeout(700)  # the autosave's 0.5 s delay after the last change
        expect(indicator).not_to_have_attribute("data-w-autosave-state-value", "saving")
    footer = tab.locator("footer")
    footer.locator("[data-w-dropdown-target=toggle]").first.click()
    footer.locator("button[name=action-publish]").click()
    expect(tab.locator(".messages .success")).to_be_visible()
