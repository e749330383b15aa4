"""Issue 24's export of personal data tried as a new user would, on the demo portal
(`load_demo_data`): Vincent Moreau, Nathan's father (CP of École Jean-Jaurès), finds
« Télécharger les données de Nathan » in his space, downloads the ZIP, and its index
lists Nathan's entries by title; the index opened in the browser is read like a page
(axe), on a phone and on a tablet."""

import io
import json
import re
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from classrooms.models import BlogEntryPage
from home.management.commands.load_demo_data import DEMO_PASSWORD
from tests.browser.journeys import open_menu

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 1024, "height": 900}


@pytest.fixture
def demo_portal(django_db_serialized_rollback, settings, tmp_path):
    """The demo portal, with its files in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo_data", verbosity=0)


def demo_tab(browser, live_server, username, viewport):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport=viewport, accept_downloads=True
    )
    context.set_default_timeout(20_000)
    tab = context.new_page()
    tab.goto("/compte/connexion/")
    tab.get_by_label("Identifiant").fill(username)
    tab.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    tab.get_by_role("main").get_by_role("button", name="Se connecter").click()
    expect(tab).not_to_have_url(re.compile(r"/compte/connexion/"))
    return tab


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["390", "1024"])
def test_a_parent_downloads_his_childs_data(
    browser, live_server, demo_portal, axe_check, tmp_path, viewport
):
    nathan = get_user_model().objects.get(username="nathan.moreau")
    titles = list(BlogEntryPage.objects.filter(authors=nathan).values_list("title", flat=True))
    assert titles, "the demo gives Nathan entries"

    tab = demo_tab(browser, live_server, "vincent.moreau", viewport)
    open_menu(tab).get_by_role("link", name="Mes espaces").click()
    expect(tab).to_have_url(re.compile(r"/compte/mes-espaces/$"))
    link = tab.get_by_role("link", name="Télécharger les données de Nathan")
    expect(link).to_be_visible()
    axe_check(tab, f"data-export-my-spaces-{viewport['width']}")
    with tab.expect_download() as waiting:
        link.click()
    download = waiting.value
    assert re.fullmatch(r"preau-nathan-\d{4}-\d{2}-\d{2}\.zip", download.suggested_filename)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)

    with zipfile.ZipFile(io.BytesIO(saved.read_bytes())) as archive:
        index = archive.read("index.html").decode()
        data = json.loads(archive.read("data.json"))
        for title in titles:
            assert title in index, title
        assert data["profile"][0]["username"] == "nathan.moreau"
        assert data["writing_texts"], "Nathan's texts and drafts"
        for path in re.findall(r'href="(files/[^"]+)"', index):
            assert path in archive.namelist(), path
        folder = tmp_path / "zip"
        archive.extractall(folder)

    # The index is a page a person reads: opened from the unzipped folder.
    tab.goto((folder / "index.html").as_uri())
    expect(tab.get_by_role("heading", level=1)).to_have_text("Données de Nathan")
    for title in titles:
        expect(tab.get_by_text(title, exact=True).first).to_be_visible()
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the index scrolls sideways at {viewport['width']} px"
    axe_check(tab, f"data-export-index-{viewport['width']}")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_teacher_exports_a_pupils_data_for_his_family(
    browser, live_server, demo_portal, axe_check, tmp_path
):
    """Mme Durand, asked by Nathan's family, exports his data from the class's roster;
    the export is recorded with her name."""
    from classrooms.models import ClassroomPage
    from dataexport.models import ExportRecord

    nathan = get_user_model().objects.get(username="nathan.moreau")
    cp = ClassroomPage.objects.get(title="CP de Mme Durand")
    tab = demo_tab(browser, live_server, "claire.durand", TABLET)
    tab.goto(reverse("enrolment:roster", kwargs={"classroom_id": cp.pk}))
    button = tab.get_by_role("link", name=re.compile(r"^Exporter les données de Nathan Moreau"))
    expect(button).to_be_visible()
    axe_check(tab, "data-export-roster-1024")
    with tab.expect_download() as waiting:
        button.click()
    saved = tmp_path / "nathan.zip"
    waiting.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        assert json.loads(archive.read("data.json"))["profile"][0]["username"] == "nathan.moreau"
    (record,) = ExportRecord.objects.all()
    assert (record.person, record.made_by.username) == (nathan, "claire.durand")
