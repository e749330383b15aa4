"""Nursery mode, as a child who does not read yet would use it, on a phone and a tablet.

Jade, in Petite section, logs in by scanning her login card, finds the big
microphone on her class wall, has its label read aloud, records her story from
Chromium's fake microphone, listens to it, takes a photo, picks Gabriel by his fox and
sends it, pressing only picture buttons. Speech is caught before the page's scripts run:
a stub of speechSynthesis records what would have been said, and in which language.
axe checks the class wall and the editor.
"""

import io
import re
from types import SimpleNamespace

import pytest
from PIL import Image
from playwright.sync_api import expect

from cardlogin import services as card_logins
from classrooms.models import Appearance, BlogEntryPage, Level, Membership
from tests import factories
from tests.browser.journeys import log_in

# Replaces the browser's speech synthesis by a recorder of what it was asked to say.
SPEECH_STUB = """
window.__spoken = [];
(function () {
  var fake = {
    speak: function (u) { window.__spoken.push({ text: u.text, lang: u.lang }); },
    cancel: function () {},
    getVoices: function () { return []; }
  };
  Object.defineProperty(window, "speechSynthesis", { value: fake, configurable: true });
  if (!window.SpeechSynthesisUtterance) {
    window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ""; };
  }
})();
"""


@pytest.fixture
def nursery_class(django_db_serialized_rollback, settings, tmp_path):
    """A Petite section (nursery mode by its level): Jade, Gabriel (a fox), Louise (none)."""
    settings.MEDIA_ROOT = str(tmp_path)
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Lilas")
    classroom = factories.ClassroomPageFactory(
        parent=school, title="Petite section de Mme Lefèvre", level=Level.PS
    )
    people = SimpleNamespace(
        classroom=classroom,
        jade=factories.UserFactory(
            username="jade.nguyen", first_name="Jade", last_name="Nguyen", avatar="1f430"
        ),
        gabriel=factories.UserFactory(
            username="gabriel.roux", first_name="Gabriel", last_name="Roux", avatar="1f98a"
        ),
        louise=factories.UserFactory(
            username="louise.diallo", first_name="Louise", last_name="Diallo"
        ),
    )
    for pupil in (people.jade, people.gabriel, people.louise):
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    return people


def photo():
    output = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 120, 40)).save(output, format="JPEG")
    return output.getvalue()


def spoken(tab):
    return tab.evaluate("window.__spoken")


def picture_button(scope, name):
    """A button found by its accessible name, which must show a pictogram."""
    button = scope.get_by_role("button", name=name, exact=True)
    expect(button.locator("img[src*='vendor/twemoji/']")).to_have_count(1)
    return button


@pytest.mark.parametrize("width", [390, 1024])
def test_a_nursery_pupil_records_and_sends_a_story_with_pictures_only(
    browser, live_server, nursery_class, axe_check, width
):
    people = nursery_class
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": width, "height": 900}
    )
    context.set_default_timeout(15_000)
    context.add_init_script(SPEECH_STUB)
    context.grant_permissions(["microphone"], origin=live_server.url)
    tab = context.new_page()
    card = card_logins.issue_card_tokens([people.jade], people.jade)[people.jade.pk]
    try:
        # Jade scans her login card: the QR code opens this address; she shows her rabbit.
        tab.goto(f"/compte/carte/{card}/")
        expect(tab.locator(".picture-login img.avatar[src*='1f430']")).to_have_count(1)
        tab.get_by_role("button", name="Oui, je suis Jade").click()
        expect(tab.get_by_role("heading", level=1)).to_contain_text("Petite section")
        axe_check(tab, f"nursery-wall-{width}")

        # The big microphone of the wall, and its label said aloud in French.
        tell = tab.get_by_role("link", name="Raconte à ta classe")
        expect(tell.locator("img[src*='1f3a4']")).to_have_count(1)
        tab.get_by_role("button", name="Écouter : Raconte à ta classe").click()
        said = spoken(tab)
        assert said and said[-1]["text"] == "Raconte à ta classe"
        assert re.fullmatch(r"fr(-FR)?", said[-1]["lang"]), said
        tell.click()
        expect(tab).to_have_url(re.compile(rf"/classes/{people.classroom.pk}/ecrire/$"))

        # No rich-text toolbar, no written questions: pictures first.
        expect(tab.locator("[data-editor-toolbar]")).to_have_count(0)
        tab.get_by_role("button", name="Écouter : Appuie sur le micro et parle").click()
        assert spoken(tab)[-1] == {"text": "Appuie sur le micro et parle", "lang": "fr-FR"}

        recorder = tab.locator("[data-recorder]")
        picture_button(recorder, "Enregistre").click()
        expect(recorder.locator("[data-recorder-time]")).to_have_text(
            re.compile(r"0:0[2-9]"), timeout=10_000
        )
        picture_button(recorder, "Arrêter").click()
        picture_button(recorder, "Écoute").click()
        assert recorder.locator("input[name=recording]").evaluate("input => input.files.length")

        camera = tab.locator("label[for=nursery-photo]")
        expect(camera.locator("img[src*='1f4f7']")).to_have_count(1)
        tab.get_by_label("Prends une photo").set_input_files(
            {"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": photo()}
        )
        expect(tab.get_by_role("img", name="La photo que tu as prise")).to_be_visible()

        # Classmates by their picture: Gabriel's fox, Louise's initial.
        gabriel = tab.locator("label.friend", has_text="Gabriel")
        expect(gabriel.locator("img[src*='1f98a']")).to_have_count(1)
        expect(tab.locator("label.friend", has_text="Louise")).to_contain_text("L")
        gabriel.click()
        expect(tab.get_by_role("checkbox", name="Gabriel")).to_be_checked()
        axe_check(tab, f"nursery-editor-{width}")
        # Nothing pushes the page sideways on a phone (a fieldset grows to its widest row).
        assert tab.evaluate("document.documentElement.scrollWidth") <= width

        picture_button(tab, "Envoyer").click()
        expect(tab).to_have_url(re.compile(rf"{people.classroom.url}$"))
    finally:
        context.close()

    entry = BlogEntryPage.objects.child_of(people.classroom).get()
    latest = entry.get_latest_revision_as_object()
    assert sorted(block.block_type for block in latest.body) == ["image", "recording"]
    assert set(latest.authors.all()) == {people.jade, people.gabriel}
    assert latest.title.startswith("Notre enregistrement du")
    assert entry.current_workflow_state is not None  # waiting for the teacher
    voices = Appearance.objects.filter(media__isnull=False).values_list("pupil_id", flat=True)
    assert set(voices) == {people.jade.pk, people.gabriel.pk}


@pytest.mark.parametrize("width", [390, 1024])
def test_the_teacher_gives_a_picture_from_the_class_page(
    browser, live_server, nursery_class, axe_check, width
):
    people = nursery_class
    teacher = factories.UserFactory(
        username="emilie.lefevre", first_name="Émilie", last_name="Lefèvre"
    )
    factories.MembershipFactory(
        user=teacher, classroom=people.classroom, role=Membership.Role.TEACHER
    )
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": width, "height": 900}
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    try:
        log_in(tab, teacher.username)
        tab.goto(people.classroom.url)
        tab.get_by_role("link", name="Images et mode maternelle").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text(
            re.compile("Images et mode maternelle")
        )
        louise = tab.get_by_role("group", name="Image de Louise Diallo")
        expect(louise.get_by_role("radio", name="Pas d'image")).to_be_checked()
        louise.locator("label[for$='-1f431']").click()
        expect(louise.get_by_role("radio", name="Chat")).to_be_checked()
        axe_check(tab, f"nursery-pictures-{width}")
        tab.get_by_role("main").get_by_role("button", name="Enregistrer", exact=True).click()
        saved = "Les images et le mode maternelle sont enregistrés."
        expect(tab.get_by_text(saved)).to_be_visible()
    finally:
        context.close()
    people.louise.refresh_from_db()
    assert people.louise.avatar == "1f431"
    people.gabriel.refresh_from_db()
    assert people.gabriel.avatar == "1f98a"  # the others keep theirs
