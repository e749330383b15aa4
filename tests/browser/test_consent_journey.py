"""Issue 24, "a parent withdraws voice consent", tried as a new user would on the demo
portal (`load_demo_data`), one person per tab: Vincent Moreau, at a phone's width,
finds Nathan's answers from "Mes espaces" and says no to his voice in public; Nathan's
public reading of « Le hibou » is taken back to the school at once; Mme Durand, at a
tablet's width, is told (bell) and sees the flag on the entry, and when she tries to
make it public again she is refused with a sentence naming Nathan and his voice.
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from classrooms.models import BlogEntryPage, Visibility
from consents.models import ConsentChange
from home.management.commands.load_demo_data import DEMO_PASSWORD
from tests.browser.journeys import open_menu

TABLET = {"width": 1024, "height": 900}
PHONE = {"width": 390, "height": 844}
ENTRY = "Nathan récite « Le hibou »"
REFUSAL = "La famille de Nathan M. n’a pas donné son accord pour sa voix en public"


@pytest.fixture
def demo_portal(django_db_serialized_rollback, settings, tmp_path):
    """The demo portal, with its files in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", verbosity=0)


def demo_tab(browser, live_server, username, viewport):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.set_viewport_size(viewport)
    tab.goto("/compte/connexion/")
    tab.get_by_label("Identifiant").fill(username)
    tab.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    tab.get_by_role("main").get_by_role("button", name="Se connecter").click()
    expect(tab).not_to_have_url(re.compile(r"/compte/connexion/"))
    return tab


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_parent_withdraws_voice_consent_and_the_teacher_cannot_publish_again(
    browser, live_server, demo_portal, axe_check
):
    entry = BlogEntryPage.objects.get(title=ENTRY)
    assert entry.live and entry.visibility == Visibility.PUBLIC  # the demo's story

    # Vincent Moreau finds Nathan's answers from his spaces, at a phone's width.
    parent = demo_tab(browser, live_server, "vincent.moreau", PHONE)
    parent.goto("/compte/mes-espaces/")
    parent.get_by_role("link", name="Photos, voix et nom de Nathan : vos réponses").click()
    expect(parent.get_by_role("heading", level=1)).to_contain_text("Photos, voix et nom de Nathan")
    axe_check(parent, "consent-parent-phone")
    voice = parent.get_by_role("group", name="Les enregistrements de la voix de Nathan")
    public = voice.get_by_role("group", name=re.compile("Publié pour le public"))
    expect(public.get_by_label("Oui, j’accepte")).to_be_checked()
    public.get_by_label("Non, je n’accepte pas").check()
    parent.get_by_role("button", name="Enregistrer mes réponses").click()
    expect(parent.get_by_text("Vos réponses sont enregistrées.")).to_be_visible()
    history = parent.locator(".consent-history")
    expect(history).to_contain_text("Les enregistrements de la voix de Nathan")
    expect(history).to_contain_text("Vincent M.")
    change = ConsentChange.objects.filter(pupil__username="nathan.moreau").first()
    assert (change.medium, change.audience, change.new) == ("voice", "public", False)

    # The entry is no longer public: the school still hears Nathan.
    entry = BlogEntryPage.objects.get(pk=entry.pk)
    assert entry.visibility == Visibility.SCHOOL

    # Mme Durand is told, sees the flag on the entry, and cannot make it public again.
    teacher = demo_tab(browser, live_server, "claire.durand", TABLET)
    open_menu(teacher).get_by_role("link", name=re.compile("Notifications")).click()
    expect(teacher.get_by_role("main")).to_contain_text(REFUSAL)
    teacher.goto(entry.url)
    flag = teacher.locator(".consent-flag")
    expect(flag).to_contain_text("Retiré à ses lecteurs : une famille a retiré son accord")
    expect(flag).to_contain_text(REFUSAL)
    axe_check(teacher, "consent-teacher-flag")
    teacher.get_by_label("Tout le monde (public)").check()
    teacher.get_by_role("button", name="Enregistrer qui peut le lire").click()
    expect(teacher.get_by_role("main")).to_contain_text(REFUSAL)
    assert BlogEntryPage.objects.get(pk=entry.pk).visibility == Visibility.SCHOOL

    # The same page at a phone's width: the form of answers fits.
    parent.set_viewport_size(PHONE)
    width = parent.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    teacher.set_viewport_size(PHONE)
    axe_check(teacher, "consent-teacher-flag-phone")
