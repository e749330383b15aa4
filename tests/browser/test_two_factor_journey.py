"""Issue 24, the second factor, on the demo portal (`load_demo_data`): Olivier Lambert,
director of Jean-Jaurès, switches it on from "my spaces" (the test reads the secret the
page shows, as a person types it in their application, and computes the code), logs
out, logs in with his password and then the code, and reaches the Wagtail admin. Each
page of the way is checked with axe at a phone's width (390 px) and a laptop's (1024 px),
and scrolls nothing sideways.

Steps rely on addresses, field names and the data-secret mark, never on French strings
the translations may change.
"""

import base64
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp
from playwright.sync_api import expect

from home.management.commands.load_demo_data import DEMO_PASSWORD

from .journeys import open_menu

DIRECTOR = "olivier.lambert"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1024, "height": 800}


@pytest.fixture
def demo_portal(django_db_serialized_rollback, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", verbosity=0)


def code_for(secret, drift=0):
    """What the application shows: the key typed by hand, and the time (drift=1: the
    next 30 seconds, since a code of a period already used is refused)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key, drift=drift):06d}"


def check_both_widths(tab, axe_check, name):
    for size in (PHONE, LAPTOP):
        tab.set_viewport_size(size)
        axe_check(tab, f"two-factor-{name}-{size['width']}")
        sideways = tab.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert sideways <= 0, f"{name} at {size['width']}px scrolls {sideways}px sideways"


def type_password(tab):
    tab.goto(reverse("accounts:login"))
    tab.locator("input[name=username]").fill(DIRECTOR)
    tab.locator("input[name=password]").fill(DEMO_PASSWORD)
    tab.locator("main form button[type=submit]").click()


def test_a_director_switches_on_the_second_factor_and_logs_in_with_it(
    browser, live_server, demo_portal, axe_check
):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=LAPTOP)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    type_password(tab)
    expect(tab).not_to_have_url(re.compile(r"/compte/connexion/"))

    tab.goto(reverse("accounts:my_spaces"))
    tab.locator(f"main a[href='{reverse('twofactor:manage')}']").click()
    expect(tab).to_have_url(re.compile(reverse("twofactor:manage")))
    check_both_widths(tab, axe_check, "settings")
    tab.locator(f"main a[href='{reverse('twofactor:setup')}']").click()

    secret = tab.locator("[data-secret]").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret), secret
    expect(tab.locator(".twofactor-qr svg")).to_be_visible()
    check_both_widths(tab, axe_check, "setup")
    tab.locator("input[name=code]").fill("000000")
    tab.locator("main form button[type=submit]").click()
    expect(tab.locator("main [role=alert]")).to_be_visible()
    tab.wait_for_timeout(1_100)  # django-otp's wait after a wrong code
    tab.locator("input[name=code]").fill(code_for(secret))
    tab.locator("main form button[type=submit]").click()
    codes = tab.locator(".twofactor-codes code")
    expect(codes).to_have_count(8)
    check_both_widths(tab, axe_check, "recovery-codes")

    open_menu(tab).locator("form[action*='deconnexion'] button").click()
    type_password(tab)
    expect(tab).to_have_url(re.compile(reverse("twofactor:code")))
    # Not logged in yet: the admin sends to its login page.
    check_both_widths(tab, axe_check, "code-step")
    tab.locator("input[name=code]").fill(code_for(secret, drift=1))
    tab.locator("main form button[type=submit]").click()
    expect(tab).not_to_have_url(re.compile(r"/compte/connexion/"))

    tab.goto("/admin/")
    expect(tab).to_have_url(re.compile(r"/admin/$"))
    expect(tab.locator("input[name=password]")).to_have_count(0)
    context.close()


def test_without_the_code_the_admin_stays_closed(browser, live_server, demo_portal):
    from accounts.models import User
    from twofactor import devices

    devices.confirm(devices.pending_totp(User.objects.get(username=DIRECTOR)))
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=PHONE)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    type_password(tab)
    expect(tab).to_have_url(re.compile(reverse("twofactor:code")))
    tab.goto("/admin/")
    expect(tab).to_have_url(re.compile(r"/admin/login/"))
    context.close()
