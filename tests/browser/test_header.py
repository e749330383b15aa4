"""Issue 23, "A header that fits", on the demo portal (`load_demo_data`): at a phone's
width (390 px) and a small laptop's (1024 px), for a pupil, a parent of two children, a
teacher who is also a parent, a director and the portal administrator, and logged out,
the header is one row of at most 72 px; its menu and its switcher of spaces open from the
keyboard and every link in them takes the focus; nothing scrolls sideways; the menu opens
without JavaScript; the Wagtail userbar leaves the page's end and the footer uncovered.
"""

import os
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from classrooms.models import ClassroomPage
from classrooms.spaces import spaces_for
from home.management.commands.load_demo_data import DEMO_PASSWORD

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1024, "height": 800}
TABLET = {"width": 768, "height": 1024}
DESKTOP = {"width": 1280, "height": 900}
HEADER_MAX_HEIGHT = 72
# Screenshots for a person to look at, when asked for (PREAU_HEADER_SHOTS=folder).
SHOTS = os.environ.get("PREAU_HEADER_SHOTS")

PUPIL = "jade.nguyen"
PARENT_OF_TWO = "sophie.martin"
TEACHER_AND_PARENT = "karim.benali"
DIRECTOR = "isabelle.fontaine"
ADMIN = "admin"

# What the focus reaches in the menu, as the focused element's text begins.
MENU_LINKS = ["Écoles et communes", "Mes espaces", "Messages", "Notifications"]
LANGUAGES = ["fr", "en"]

FOCUSED = """() => {
  const el = document.activeElement;
  return {
    text: (el.textContent || "").replace(/\\s+/g, " ").trim(),
    hreflang: el.getAttribute("hreflang") || "",
    href: el.getAttribute("href") || "",
    inMenu: !!el.closest(".main-menu"),
    inSwitcher: !!el.closest(".spaces-switcher"),
    tag: el.tagName.toLowerCase(),
    isMenuToggle: el.matches(".main-menu > summary"),
    isSwitcherToggle: el.matches(".spaces-switcher > summary"),
  };
}"""


@pytest.fixture
def demo_portal(django_db_serialized_rollback, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", verbosity=0)


def new_context(browser, live_server, javascript=True):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", java_script_enabled=javascript
    )
    context.set_default_timeout(15_000)
    return context


def log_in(tab, username):
    tab.goto("/compte/connexion/")
    tab.get_by_label("Identifiant").fill(username)
    tab.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    tab.get_by_role("main").get_by_role("button", name="Se connecter").click()
    expect(tab).not_to_have_url(re.compile(r"/compte/connexion/"))


def shoot(tab, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def header_height(tab):
    return tab.locator("header.site-header").bounding_box()["height"]


def assert_fits(tab, where):
    height = header_height(tab)
    assert height <= HEADER_MAX_HEIGHT, f"{where}: the header is {height}px high"
    sideways = tab.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert sideways <= 0, f"{where}: the page scrolls {sideways}px sideways"


def tab_to(tab, predicate, where, limit=30):
    """Press Tab until the focused element answers `predicate`, and return it."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED)
        if predicate(focused):
            return focused
    raise AssertionError(f"{where}: the focus never reached it in {limit} presses of Tab")


def stops_inside(tab, key, limit=30):
    """Press Tab while the focus stays in a panel, and return what it stopped on."""
    stops = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED)
        if not focused[key] or focused["isMenuToggle"]:
            return stops, focused
        stops.append(focused)
    return stops, focused


def assert_reached(stops, text, where):
    assert any(stop["text"].startswith(text) for stop in stops), (
        f"{where}: the focus never reached {text!r}; it stopped on "
        + ", ".join(repr(stop["text"]) for stop in stops)
    )


def check_switcher(tab, labels, where):
    """Open the switcher with the keyboard (Space) and reach each of the person's spaces."""
    switcher = tab.locator(".spaces-switcher")
    expect(switcher.locator("nav")).to_be_hidden()
    tab.locator(".brand").focus()
    tab_to(tab, lambda f: f["isSwitcherToggle"], where)
    tab.keyboard.press(" ")
    expect(switcher).to_have_attribute("open", "")
    expect(switcher.locator("nav")).to_be_visible()
    assert_fits(tab, f"{where}, switcher open")
    shoot(tab, f"{where}-switcher")
    stops, _after = stops_inside(tab, "inSwitcher")
    for label in labels:
        assert_reached(stops, label, where)
    # "All my spaces", found by its address (its words are a new translation).
    assert any(stop["href"] == "/compte/mes-espaces/" for stop in stops), f"{where}: {stops}"


def check_menu(tab, expected, where):
    """Open the menu with the keyboard (Enter) and reach each of its links."""
    menu = tab.locator(".main-menu")
    toggle = menu.locator("summary")
    expect(toggle).to_be_visible()
    expect(menu.locator(".header-menu__list")).to_be_hidden()
    tab.locator(".brand").focus()
    tab_to(tab, lambda f: f["isMenuToggle"], where)
    tab.keyboard.press("Enter")
    expect(menu).to_have_attribute("open", "")
    expect(menu.locator(".header-menu__list")).to_be_visible()
    assert_fits(tab, f"{where}, menu open")
    shoot(tab, f"{where}-menu")
    stops, _after = stops_inside(tab, "inMenu")
    for text in expected:
        assert_reached(stops, text, where)
    reached_languages = {stop["hreflang"] for stop in stops if stop["hreflang"]}
    assert set(LANGUAGES) <= reached_languages, f"{where}: languages {reached_languages}"
    # The switcher and the menu are exclusive: opening one closes the other.
    if tab.locator(".spaces-switcher").count():
        expect(tab.locator(".spaces-switcher")).not_to_have_attribute("open", "")
    # The focus gone past its last link, the menu closes (static/js/header.js); Escape
    # closes it too and gives the focus back to its button.
    expect(menu).not_to_have_attribute("open", "")
    toggle.focus()
    tab.keyboard.press("Enter")
    expect(menu).to_have_attribute("open", "")
    tab.keyboard.press("Tab")
    tab.keyboard.press("Escape")
    expect(menu).not_to_have_attribute("open", "")
    expect(toggle).to_be_focused()


def check_userbar(tab, where):
    """At the page's end the fixed userbar covers neither the content nor the footer's words."""
    trigger = tab.locator("wagtail-userbar .w-userbar-trigger")
    expect(trigger).to_be_visible()
    tab.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    tab.wait_for_timeout(100)
    button = trigger.bounding_box()
    covered = tab.evaluate(
        """([x, y, w, h]) => {
          const targets = [
            ...document.querySelectorAll(".site-footer p, .site-footer a"),
            document.querySelector("main .container").lastElementChild,
          ].filter(Boolean);
          return targets.filter((el) => {
            const r = el.getBoundingClientRect();
            const inside = document.createRange();
            inside.selectNodeContents(el);
            const box = inside.getBoundingClientRect();
            return box.right > x && box.left < x + w && box.bottom > y && box.top < y + h;
          }).map((el) => el.textContent.trim().slice(0, 60));
        }""",
        [button["x"], button["y"], button["width"], button["height"]],
    )
    assert not covered, f"{where}: the userbar covers {covered}"


def spaces_labels(username):
    user = get_user_model().objects.get(username=username)
    return [space.label for space in spaces_for(user) if space.in_header]


def test_the_header_fits_and_is_reachable_for_everyone(
    browser, live_server, demo_portal, axe_check
):
    people = [
        (PUPIL, MENU_LINKS + ["Se déconnecter"]),
        (PARENT_OF_TWO, MENU_LINKS + ["Se déconnecter"]),
        (TEACHER_AND_PARENT, MENU_LINKS + ["Se déconnecter"]),
        (DIRECTOR, MENU_LINKS + ["Administration", "Se déconnecter"]),
        (ADMIN, MENU_LINKS + ["Administration", "Se déconnecter"]),
    ]
    labels = {username: spaces_labels(username) for username, _expected in people}
    assert len(labels[PARENT_OF_TWO]) >= 2 and len(labels[TEACHER_AND_PARENT]) >= 2
    for username, expected in [(None, ["Écoles et communes", "Se connecter"]), *people]:
        context = new_context(browser, live_server)
        tab = context.new_page()
        if username:
            log_in(tab, username)
        else:
            tab.goto("/")
        landing = tab.url
        for name, viewport in (("390", PHONE), ("1024", LAPTOP)):
            where = f"{username or 'visitor'}-{name}"
            tab.set_viewport_size(viewport)
            tab.goto(landing)
            assert_fits(tab, where)
            shoot(tab, where)
            axe_check(tab, f"header-{where}")
            if username:
                check_switcher(tab, labels[username], where)
            check_menu(tab, expected, where)
        for name, viewport in (("768", TABLET), ("1280", DESKTOP)):
            tab.set_viewport_size(viewport)
            tab.goto(landing)
            assert_fits(tab, f"{username or 'visitor'}-{name}")
            shoot(tab, f"{username or 'visitor'}-{name}")
        if username == ADMIN:
            # The userbar (staff only) on a class page of the demo, a Wagtail page.
            classroom = ClassroomPage.objects.live().order_by("path").first()
            for name, viewport in (("390", PHONE), ("1024", LAPTOP)):
                tab.set_viewport_size(viewport)
                tab.goto(classroom.url)
                assert_fits(tab, f"admin-class-{name}")
                check_userbar(tab, f"admin-class-{name}")
                shoot(tab, f"admin-class-{name}-end")
        context.close()


def test_the_menu_opens_without_javascript(browser, live_server, demo_portal):
    context = new_context(browser, live_server, javascript=False)
    tab = context.new_page()
    tab.set_viewport_size(PHONE)
    log_in(tab, PARENT_OF_TWO)
    menu = tab.locator(".main-menu")
    expect(menu.get_by_role("link", name="Messages")).to_be_hidden()
    menu.locator("summary").click()
    expect(menu.get_by_role("link", name="Messages")).to_be_visible()
    expect(menu.get_by_role("button", name="Se déconnecter")).to_be_visible()
    switcher = tab.locator(".spaces-switcher")
    switcher.locator("summary").click()
    for label in spaces_labels(PARENT_OF_TWO):
        expect(switcher.get_by_role("link", name=re.compile(re.escape(label)))).to_be_visible()
    assert header_height(tab) <= HEADER_MAX_HEIGHT
    context.close()
