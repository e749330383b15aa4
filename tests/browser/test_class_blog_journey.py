"""The class blog, as its first users would try it: a pupil writes, the teacher reviews.

Léa, a CE1 pupil, logs in, writes an entry in the front-end editor (a title, a text with
bold, a phone photo still carrying its GPS position, her voice recorded from Chromium's
fake microphone, Hugo as co-author) and sends it. Her teacher sends it back with a note;
Léa reads the note on the class wall, corrects the text and sends it again; the teacher
publishes it for the class. Léa's mother finds it on the class wall marked as written by
her child, plays the recording and sees the photo; a parent of another class gets a 404.
Finally the stored photo and its renditions are checked for the GPS position: gone.

Only the data (school, classes, people) is built with factories; everything else goes
through the pages, the login form included. axe checks the editor, the review page, the
class wall and the entry page.
"""

import io
import re
from types import SimpleNamespace

import pytest
from PIL import Image
from playwright.sync_api import expect
from wagtail.images import get_image_model
from wagtailmedia import get_media_model

from classrooms.models import BlogEntryPage, Level, Membership
from tests import factories
from tests.browser.journeys import log_in, new_tab

TITLE = "Nos haricots ont poussé"
TEXT = "Nous avons semé des haricots dans la classe. "
BOLD_TEXT = "Ils ont poussé"
CORRECTION = " Ils mesurent douze centimètres."
PHOTO_DESCRIPTION = "Trois pots de haricots sur le rebord de la fenêtre."
NOTE = "Bravo ! Ajoutez combien ils mesurent aujourd’hui."
GPS_IFD = 0x8825
# Where the family lives, as a phone writes it into the photo's EXIF.
GPS_POSITION = {1: "N", 2: (48.0, 51.0, 29.0), 3: "E", 4: (2.0, 17.0, 40.0)}


@pytest.fixture
def blog_class(django_db_serialized_rollback, settings, tmp_path):
    """A CE1 class with its teacher, two pupils and a parent; another class with its own.

    Uploaded files land in a temporary MEDIA_ROOT; the rollback restores the portal page
    its migration created.
    """
    settings.MEDIA_ROOT = str(tmp_path)
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    classroom = factories.ClassroomPageFactory(
        parent=school, title="CE1 de Mme Durand", level=Level.CE1
    )
    other_classroom = factories.ClassroomPageFactory(
        parent=school, title="CM1 de M. Petit", level=Level.CM1
    )
    people = SimpleNamespace(
        classroom=classroom,
        teacher=factories.UserFactory(
            username="claire.durand", first_name="Claire", last_name="Durand"
        ),
        pupil=factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin"),
        coauthor=factories.UserFactory(
            username="hugo.bernard", first_name="Hugo", last_name="Bernard"
        ),
        parent=factories.UserFactory(
            username="sophie.martin", first_name="Sophie", last_name="Martin"
        ),
        other_parent=factories.UserFactory(
            username="marc.petit", first_name="Marc", last_name="Petit"
        ),
    )
    other_pupil = factories.UserFactory(username="tom.petit", first_name="Tom", last_name="Petit")
    for user, role in (
        (people.teacher, Membership.Role.TEACHER),
        (people.pupil, Membership.Role.PUPIL),
        (people.coauthor, Membership.Role.PUPIL),
    ):
        factories.MembershipFactory(user=user, classroom=classroom, role=role)
    factories.MembershipFactory(
        user=other_pupil, classroom=other_classroom, role=Membership.Role.PUPIL
    )
    factories.GuardianshipFactory(parent=people.parent, child=people.pupil)
    factories.GuardianshipFactory(parent=people.other_parent, child=other_pupil)
    return people


def phone_photo():
    """A JPEG as a phone takes it: with the GPS position of where it was taken."""
    exif = Image.Exif()
    exif[GPS_IFD] = GPS_POSITION
    output = io.BytesIO()
    Image.new("RGB", (800, 600), (90, 160, 60)).save(output, format="JPEG", exif=exif)
    data = output.getvalue()
    with Image.open(io.BytesIO(data)) as check:
        assert dict(check.getexif().get_ifd(GPS_IFD)) == GPS_POSITION
    return data


def has_no_gps(field_file):
    field_file.open("rb")
    try:
        with Image.open(io.BytesIO(field_file.read())) as image:
            exif = image.getexif()
            return exif.get(GPS_IFD) is None and not dict(exif.get_ifd(GPS_IFD))
    finally:
        field_file.close()


def test_pupil_writes_teacher_sends_back_then_publishes_and_a_parent_listens(
    page, browser, live_server, blog_class, axe_check
):
    people = blog_class
    coauthor_tab = teacher_tab = parent_tab = other_parent_tab = None
    try:
        # --- Léa writes her entry ------------------------------------------------------
        page.context.grant_permissions(["microphone"], origin=live_server.url)
        # A pupil of one class lands on its wall.
        log_in(page, people.pupil.username)
        expect(page.get_by_role("heading", level=1)).to_contain_text("CE1 de Mme Durand")
        class_url = page.url
        page.get_by_role("link", name="Écrire un article").click()
        expect(page).to_have_url(re.compile(rf"/classes/{people.classroom.pk}/ecrire/$"))

        page.get_by_label("Titre").fill(TITLE)
        text = page.get_by_role("textbox", name="Ton texte")
        expect(text).to_have_class(re.compile("editor-area"))
        text.click()
        page.keyboard.type(TEXT)
        page.get_by_role("button", name="Gras").click()
        page.keyboard.type(BOLD_TEXT)
        page.get_by_role("button", name="Gras").click()
        page.keyboard.type(".")
        expect(text.locator("b")).to_have_text(BOLD_TEXT)

        page.get_by_label("Ajouter une photo").set_input_files(
            {"name": "IMG_2041.jpg", "mimeType": "image/jpeg", "buffer": phone_photo()}
        )
        page.get_by_label("Que montre la photo ?").fill(PHOTO_DESCRIPTION)

        recorder = page.locator("[data-recorder]")
        timer = recorder.locator("[data-recorder-timer]")
        expect(timer).to_be_hidden()
        recorder.get_by_role("button", name="Enregistrer ma voix").click()
        expect(timer).to_be_visible()
        expect(recorder.locator("[data-recorder-time]")).to_have_text(
            re.compile(r"^0:(0[2-9]|[1-5]\d)$"), timeout=10_000
        )
        recorder.get_by_role("button", name="Arrêter").click()
        expect(recorder.get_by_text("Écoute avant d’envoyer :")).to_be_visible()
        expect(recorder.locator("audio[data-recorder-audio]")).to_have_attribute(
            "src", re.compile(r"^blob:")
        )
        expect(timer).to_be_hidden()
        expect(recorder.get_by_role("button", name="Recommencer")).to_be_visible()
        assert recorder.locator("input[name=recording]").evaluate("input => input.files.length")

        page.get_by_role("group", name="Qui l’a écrit avec toi ?").get_by_label("Hugo B.").check()
        axe_check(page, "blog-editor")
        page.get_by_role("button", name="Envoyer à mon enseignant").click()

        expect(page).to_have_url(class_url)
        expect(
            page.get_by_text("Ton article a été envoyé à ton enseignant. Bravo !")
        ).to_be_visible()
        drafts = page.get_by_role("region", name="Mes articles en cours")
        expect(drafts.get_by_role("link", name=TITLE)).to_be_visible()
        expect(drafts.get_by_text("En attente de l’enseignant")).to_be_visible()

        # Hugo, her co-author, finds it among his entries in progress too.
        coauthor_tab = new_tab(browser, live_server)
        log_in(coauthor_tab, people.coauthor.username)
        expect(coauthor_tab).to_have_url(class_url)
        drafts = coauthor_tab.get_by_role("region", name="Mes articles en cours")
        expect(drafts.get_by_role("link", name=TITLE)).to_be_visible()
        expect(drafts.get_by_text("En attente de l’enseignant")).to_be_visible()
        coauthor_tab.context.close()
        coauthor_tab = None

        # --- The teacher sends it back with a note -------------------------------------
        teacher_tab = new_tab(browser, live_server)
        log_in(teacher_tab, people.teacher.username)
        # A teacher of one class lands on it.
        expect(teacher_tab.get_by_role("heading", level=1)).to_contain_text("CE1 de Mme Durand")
        waiting = teacher_tab.get_by_role("region", name="1 travail vous attend")
        expect(waiting).to_be_visible()
        waiting.get_by_role("link", name=TITLE).click()
        expect(teacher_tab).to_have_url(re.compile(r"/classes/articles/\d+/relire/$"))
        review_url = teacher_tab.url
        entry_body = teacher_tab.locator(".entry__body")
        expect(entry_body.locator("b")).to_have_text(BOLD_TEXT)
        expect(entry_body.locator("img")).to_be_visible()
        expect(entry_body.locator("audio")).to_have_attribute("src", re.compile(r"^/media/"))
        axe_check(teacher_tab, "blog-review")
        teacher_tab.get_by_label("Votre remarque aux auteurs").fill(NOTE)
        teacher_tab.get_by_role("button", name="Renvoyer avec ma remarque").click()
        expect(
            teacher_tab.get_by_text("L’article est retourné à ses auteurs avec votre remarque.")
        ).to_be_visible()

        # --- Léa reads the note, corrects and sends again ------------------------------
        page.reload()
        drafts = page.get_by_role("region", name="Mes articles en cours")
        expect(drafts.get_by_text("À corriger")).to_be_visible()
        expect(drafts.get_by_text("La remarque de ton enseignant :")).to_be_visible()
        expect(drafts.get_by_text(NOTE)).to_be_visible()
        drafts.get_by_role("link", name=TITLE).click()
        expect(page).to_have_url(re.compile(r"/classes/articles/\d+/modifier/$"))
        expect(page.get_by_role("note")).to_contain_text(NOTE)
        text = page.get_by_role("textbox", name="Ton texte")
        # APPLICATION BUG (found by this test): the draft reopens with its tags as visible
        # text ("… <b>Ils ont poussé</b>.<p></p>") instead of bold. Typed into the empty
        # editor, the text is stored without a leading <p> (forms.clean_text keeps top-level
        # inline content as it is), and pupil-editor.js only reads the textarea as HTML when
        # it starts with "<": otherwise it puts the whole value in a <p> as plain text.
        # Sent again, the tags are escaped and readers see them literally.
        expect(text.locator("b")).to_have_text(BOLD_TEXT)
        expect(text).not_to_contain_text("<b>")
        text.click()
        page.keyboard.press("Control+End")
        page.keyboard.type(CORRECTION)
        page.get_by_role("button", name="Envoyer à mon enseignant").click()
        expect(page).to_have_url(class_url)
        expect(
            page.get_by_text("Ton article a été envoyé à ton enseignant. Bravo !")
        ).to_be_visible()
        expect(
            page.get_by_role("region", name="Mes articles en cours").get_by_text(
                "En attente de l’enseignant"
            )
        ).to_be_visible()

        # --- The teacher publishes it for the class ------------------------------------
        teacher_tab.goto(class_url)
        waiting = teacher_tab.get_by_role("region", name="1 travail vous attend")
        waiting.get_by_role("link", name=TITLE).click()
        expect(teacher_tab).to_have_url(review_url)
        expect(teacher_tab.locator(".entry__body")).to_contain_text(CORRECTION.strip())
        teacher_tab.get_by_role("group", name="Qui peut lire cet article ?").get_by_label(
            "La classe et ses familles"
        ).check()
        teacher_tab.get_by_role("button", name="Publier l’article").click()
        expect(
            teacher_tab.get_by_text("L’article est publié sur le blog de la classe.")
        ).to_be_visible()
        expect(teacher_tab.get_by_role("heading", level=1)).to_have_text(TITLE)
        entry_url = teacher_tab.url
        assert entry_url.startswith(class_url) and entry_url != class_url

        # --- Léa's mother reads and listens --------------------------------------------
        parent_tab = new_tab(browser, live_server)
        # A parent of one pupil lands on the child's class wall.
        log_in(parent_tab, people.parent.username)
        expect(parent_tab).to_have_url(class_url)
        card = parent_tab.locator(".card--entry", has_text=TITLE)
        expect(card.get_by_text("Écrit par votre enfant")).to_be_visible()
        expect(card.locator("audio")).to_have_attribute("src", re.compile(r"^/media/media/"))
        expect(card.locator("img")).to_be_visible()
        axe_check(parent_tab, "class-wall")
        card.get_by_role("link", name=TITLE).click()
        expect(parent_tab).to_have_url(entry_url)
        expect(parent_tab.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(parent_tab.get_by_text("Écrit par votre enfant")).to_be_visible()
        body = parent_tab.locator(".entry__body")
        expect(body.locator("b")).to_have_text(BOLD_TEXT)
        expect(body).not_to_contain_text("<b>")
        expect(body).to_contain_text(CORRECTION.strip())
        photo = body.locator("img")
        expect(photo).to_have_attribute("alt", PHOTO_DESCRIPTION)
        assert photo.evaluate("img => img.complete && img.naturalWidth") > 0
        audio = body.locator("audio[controls]")
        expect(audio).to_have_attribute("src", re.compile(r"^/media/media/"))
        playback = audio.evaluate(
            """async (el) => {
                await el.play();
                const deadline = Date.now() + 10000;
                while (!(el.currentTime > 0 || el.readyState >= 2) && Date.now() < deadline) {
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
                el.pause();
                return {
                    currentTime: el.currentTime,
                    readyState: el.readyState,
                    error: el.error && el.error.code,
                    duration: el.duration === Infinity ? "Infinity" : el.duration,
                };
            }"""
        )
        assert playback["error"] is None, playback
        assert playback["currentTime"] > 0 or playback["readyState"] >= 2, playback
        # Chrome's MediaRecorder writes no duration in its WebM: Infinity until read through.
        assert playback["duration"] == "Infinity" or playback["duration"] > 1, playback
        axe_check(parent_tab, "blog-entry")

        # --- A parent of another class gets nothing ------------------------------------
        other_parent_tab = new_tab(browser, live_server)
        log_in(other_parent_tab, people.other_parent.username)
        response = other_parent_tab.goto(entry_url)
        assert response.status == 404
        assert TITLE not in other_parent_tab.content()
    finally:
        for tab in (coauthor_tab, teacher_tab, parent_tab, other_parent_tab):
            if tab is not None:
                tab.context.close()

    # --- What was stored: the entry, its two authors, a photo without its GPS position --
    entry = BlogEntryPage.objects.child_of(people.classroom).get()
    assert entry.live
    assert {author.username for author in entry.authors.all()} == {"lea.martin", "hugo.bernard"}
    recording = get_media_model().objects.get()
    assert recording.type == "audio" and recording.duration >= 1.5
    image = get_image_model().objects.get()
    assert has_no_gps(image.file)
    renditions = list(image.renditions.all())
    assert renditions, "the wall and the entry page should have made renditions"
    for rendition in renditions:
        assert has_no_gps(rendition.file), rendition.file.name
