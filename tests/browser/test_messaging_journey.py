"""Messaging, as a class would first use it (issue 19).

Claire Durand, a CE1 teacher, films a video message with Chromium's fake camera for Léa,
who is not logged in. Léa logs in on a phone (390 px wide), sees the header's count, plays
the video, starts an answer to it, leaves the page and finds her answer (and what it
answers) again, then sends it. She cannot find the parent of a pupil of another class in
the recipient picker, and a POST forged from her page with its CSRF token gets 404 and
makes nothing.

Sophie Martin, Léa's mother, starts writing to the teacher, leaves the page, finds her
text again and sends it: the teacher's header count changes without a reload. The teacher
opens the conversation; Sophie's page shows "Read" without a reload. Sophie writes again:
the teacher's open conversation shows it within the polling interval, with its "Reply"
and "Report" buttons; the teacher's answer to it is kept as a draft like any text.

Only the data (school, classes, people) is built with factories; everything else goes
through the pages. axe checks the inbox, new-message and conversation pages; every page
is also shown at 390 and 1024 px (no sideways scrolling) and photographed.
"""

import re
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from classrooms.models import Level, Membership
from messaging.models import Attachment, Conversation, Message
from tests import factories
from tests.browser.conftest import SCREENSHOTS
from tests.browser.journeys import log_in, new_tab, open_menu

VIDEO_SUBJECT = "Bonne fête de l’école"
PUPIL_ANSWER = "Merci maîtresse, j’ai vu ta vidéo !"
PARENT_SUBJECT = "Sortie au musée"
PARENT_TEXT = "Bonjour, Léa pourra-t-elle venir à la sortie de jeudi ?"
PARENT_AGAIN = "Elle aura son pique-nique."
TEACHER_ANSWER = "Oui, bien sûr : départ à 9 h."
# The polling interval is 2 s (messaging/live.py): what arrives shows within two polls.
LIVE = 6_000
WIDTHS = (390, 1024)


@pytest.fixture
def school(django_db_serialized_rollback, settings, tmp_path):
    """A CE1 class (teacher, two pupils, a parent); a CM1 class with a pupil and a parent."""
    settings.MEDIA_ROOT = str(tmp_path)
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    classroom = factories.ClassroomPageFactory(
        parent=school, title="CE1 de Mme Durand", level=Level.CE1
    )
    other_classroom = factories.ClassroomPageFactory(
        parent=school, title="CM1 de M. Petit", level=Level.CM1
    )
    people = SimpleNamespace(
        teacher=factories.UserFactory(
            username="claire.durand", first_name="Claire", last_name="Durand"
        ),
        pupil=factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin"),
        classmate=factories.UserFactory(
            username="hugo.bernard", first_name="Hugo", last_name="Bernard"
        ),
        parent=factories.UserFactory(
            username="sophie.martin", first_name="Sophie", last_name="Martin"
        ),
        other_pupil=factories.UserFactory(
            username="tom.petit", first_name="Tom", last_name="Petit"
        ),
        other_parent=factories.UserFactory(
            username="marc.petit", first_name="Marc", last_name="Petit"
        ),
        other_class=other_classroom,
    )
    for user, place, role in (
        (people.teacher, classroom, Membership.Role.TEACHER),
        (people.pupil, classroom, Membership.Role.PUPIL),
        (people.classmate, classroom, Membership.Role.PUPIL),
        (people.other_pupil, other_classroom, Membership.Role.PUPIL),
    ):
        factories.MembershipFactory(user=user, classroom=place, role=role)
    factories.GuardianshipFactory(parent=people.parent, child=people.pupil)
    factories.GuardianshipFactory(parent=people.other_parent, child=people.other_pupil)
    return people


def look_at(tab, role, name):
    """The page at a phone's and a tablet's width: nothing wider than the screen (no
    sideways scrolling); a photograph of each, messaging-<role>-<page>-<width>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = tab.viewport_size
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        # Two frames: the page laid out again at this width before it is measured.
        tab.evaluate(
            "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
        )
        overflow = tab.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{role} {name} at {width} px is {overflow} px wide"
        tab.screenshot(
            path=str(SCREENSHOTS / f"messaging-{role}-{name}-{width}.png"), full_page=True
        )
    tab.set_viewport_size(size)


def counter(tab):
    return tab.locator("#messages-counter")


def wait_for_metadata(video):
    """Load the video's metadata, play it a moment; what the element then knows."""
    return video.evaluate(
        """async (el) => {
            const deadline = Date.now() + 10000;
            while (el.readyState < 1 && !el.error && Date.now() < deadline) {
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            el.muted = true;
            try { await el.play(); } catch (error) { /* reported below */ }
            while (!(el.currentTime > 0) && !el.error && Date.now() < deadline) {
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            el.pause();
            return {
                readyState: el.readyState,
                currentTime: el.currentTime,
                error: el.error && el.error.code,
                duration: el.duration === Infinity ? "Infinity" : el.duration,
                width: el.videoWidth,
                shownWidth: el.getBoundingClientRect().width,
            };
        }"""
    )


FORGED_POST = """async ({to, extra}) => {
    const form = document.querySelector("form[data-draft-key]");
    const data = new FormData();
    data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    data.append("once", form.elements.once.value);
    data.append("to", String(to));
    data.append("subject", "Coucou");
    data.append("body", "Tu viens jouer ?");
    for (const [name, value] of Object.entries(extra)) data.append(name, String(value));
    const response = await fetch(form.action || location.href, {
        method: "POST", body: data, credentials: "same-origin", redirect: "manual",
    });
    return response.status;
}"""


def test_video_to_a_pupil_live_messages_drafts_and_walls(
    page, browser, live_server, school, axe_check
):
    people = school
    teacher = page
    pupil_tab = parent_tab = None
    try:
        # --- The teacher films a video message for Léa, who is not logged in ------------
        teacher.context.grant_permissions(["camera", "microphone"], origin=live_server.url)
        log_in(teacher, people.teacher.username)
        teacher.goto("/messages/")
        teacher.get_by_role("main").get_by_role("link", name="Écrire un message").click()
        expect(teacher).to_have_url(re.compile(r"/messages/nouveau/$"))
        picker = teacher.locator("[data-picker]")
        lea = picker.get_by_role("checkbox", name=re.compile(r"^Léa M\. CE1"))
        expect(lea).to_be_visible()
        lea.check()
        teacher.get_by_label("Sujet").fill(VIDEO_SUBJECT)
        look_at(teacher, "teacher", "new")
        axe_check(teacher, "messaging-teacher-new")
        recorder = teacher.locator("[data-recorder-kind=video]")
        recorder.get_by_role("button", name="Filmer une vidéo").click()
        expect(recorder.locator("[data-recorder-live]")).to_be_visible()
        expect(recorder.locator("[data-recorder-time]")).to_have_text(
            re.compile(r"^0:(0[2-9]|[1-5]\d)$"), timeout=10_000
        )
        recorder.get_by_role("button", name="Arrêter").click()
        expect(recorder.get_by_text("À regarder avant l’envoi :")).to_be_visible()
        expect(recorder.locator("video[data-recorder-audio]")).to_have_attribute(
            "src", re.compile(r"^blob:")
        )
        assert recorder.locator("input[name=video]").evaluate("input => input.files.length")
        teacher.get_by_role("button", name="Envoyer").click()
        expect(teacher).to_have_url(re.compile(r"/messages/\d+/$"))
        expect(teacher.get_by_role("heading", level=1)).to_have_text(VIDEO_SUBJECT)
        expect(teacher.locator(".chat-message--mine video")).to_have_count(1)
        expect(teacher.get_by_text("Pas encore lu")).to_be_visible()
        video_url = teacher.url
        stored = Attachment.objects.get()
        assert stored.kind == Attachment.Kind.VIDEO, stored.content_type
        assert stored.duration and stored.duration >= 1.5, stored.duration

        # --- Léa, on a phone, plays it -------------------------------------------------
        pupil_tab = new_tab(browser, live_server)
        pupil_tab.set_viewport_size({"width": 390, "height": 844})
        log_in(pupil_tab, people.pupil.username)
        expect(counter(pupil_tab).locator(".badge")).to_have_text(re.compile(r"\b1$"))
        open_menu(pupil_tab).get_by_role("link", name=re.compile("^Messages")).click()
        expect(pupil_tab).to_have_url(re.compile(r"/messages/$"))
        row = pupil_tab.locator(".conversation-item", has_text=VIDEO_SUBJECT)
        expect(row).to_have_class(re.compile("conversation-item--unread"))
        expect(row).to_contain_text("Claire Durand")
        look_at(pupil_tab, "pupil", "inbox")
        axe_check(pupil_tab, "messaging-pupil-inbox")
        row.get_by_role("link").click()
        expect(pupil_tab).to_have_url(video_url)
        video = pupil_tab.locator(".chat-message video.message-video")
        expect(video).to_have_count(1)
        played = wait_for_metadata(video)
        assert played["error"] is None, played
        assert played["readyState"] >= 1 and played["width"] > 0, played
        assert played["currentTime"] > 0, played
        # MediaRecorder's files may say no duration (Infinity) until read through.
        assert played["duration"] == "Infinity" or played["duration"] > 1, played
        assert 0 < played["shownWidth"] <= 390, played
        expect(counter(pupil_tab).locator(".badge")).to_have_count(0)
        # The teacher's open conversation says it was read, without a reload.
        expect(teacher.locator(".chat-message--mine").get_by_text("Lu", exact=True)).to_be_visible(
            timeout=LIVE
        )

        # --- Léa's answer, left and come back to, is still there -----------------------
        first = Message.objects.get()
        pupil_tab.locator(f"#message-{first.pk}").get_by_role("button", name="Répondre").click()
        reply_form = pupil_tab.locator("#reply-form")
        expect(reply_form.get_by_text("En réponse à Claire Durand.")).to_be_visible()
        answer = reply_form.locator("textarea[name=body]")
        expect(answer).to_be_focused()
        pupil_tab.keyboard.type(PUPIL_ANSWER)
        look_at(pupil_tab, "pupil", "conversation")
        axe_check(pupil_tab, "messaging-pupil-conversation")
        pupil_tab.locator(".breadcrumb").get_by_role("link", name="Mes messages").click()
        expect(pupil_tab).to_have_url(re.compile(r"/messages/$"))
        pupil_tab.locator(".conversation-item", has_text=VIDEO_SUBJECT).get_by_role("link").click()
        expect(answer).to_have_value(PUPIL_ANSWER)
        expect(reply_form.get_by_text("Texte retrouvé")).to_be_visible()
        expect(reply_form.locator("input[name=reply_to]")).to_have_value(str(first.pk))
        expect(reply_form.get_by_text("En réponse à Claire Durand.")).to_be_visible()
        reply_form.get_by_role("button", name="Envoyer").click()
        expect(pupil_tab).to_have_url(re.compile(r"/messages/\d+/#message-\d+$"))
        mine = pupil_tab.locator(".chat-message--mine")
        expect(mine).to_contain_text(PUPIL_ANSWER)
        expect(mine.locator(".chat-message__quote")).to_contain_text("En réponse à Claire")
        expect(answer).to_have_value("")
        assert Message.objects.get(body__contains="Merci").reply_to_id == first.pk
        # The teacher's open conversation shows it without a reload, with its buttons.
        arrived = teacher.locator(".chat-message", has_text=PUPIL_ANSWER)
        expect(arrived).to_be_visible(timeout=LIVE)
        expect(arrived.get_by_role("button", name="Répondre")).to_be_visible()
        expect(arrived.get_by_role("link", name="Signaler")).to_be_visible()

        # --- Léa cannot reach the parent of a pupil of another class -------------------
        pupil_tab.goto("/messages/nouveau/")
        picker = pupil_tab.locator("[data-picker]")
        expect(picker.get_by_role("checkbox")).to_have_count(1)
        expect(picker.get_by_label("Claire Durand")).to_be_visible()
        for name in ("Marc", "Petit", "Sophie"):
            expect(picker.get_by_text(name)).to_have_count(0)
        search = picker.get_by_label("Trouver une personne")
        search.fill("petit")
        expect(picker.locator("[data-picker-item]:visible")).to_have_count(0)
        search.fill("")
        look_at(pupil_tab, "pupil", "new")
        axe_check(pupil_tab, "messaging-pupil-new")
        conversations, messages = Conversation.objects.count(), Message.objects.count()
        for to, extra in (
            (people.other_parent.pk, {}),
            (people.other_pupil.pk, {}),
            (people.teacher.pk, {"families_of": people.other_class.pk}),
        ):
            status = pupil_tab.evaluate(FORGED_POST, {"to": to, "extra": extra})
            assert status == 404, (to, extra, status)
        assert (Conversation.objects.count(), Message.objects.count()) == (
            conversations,
            messages,
        )
        assert not Conversation.objects.filter(participants__user=people.other_parent).exists()

        # --- The teacher reads the answer, then waits on the inbox ---------------------
        teacher.goto("/messages/")
        expect(counter(teacher).locator(".badge")).to_have_count(0)
        look_at(teacher, "teacher", "inbox")
        axe_check(teacher, "messaging-teacher-inbox")

        # --- Sophie starts a message, leaves, comes back, sends ------------------------
        parent_tab = new_tab(browser, live_server)
        log_in(parent_tab, people.parent.username)
        parent_tab.goto("/messages/")
        parent_tab.get_by_role("main").get_by_role("link", name="Écrire un message").click()
        picker = parent_tab.locator("[data-picker]")
        expect(picker.get_by_text("Marc Petit")).to_have_count(0)
        picker.get_by_label("Claire Durand").check()
        parent_tab.get_by_label("Sujet").fill(PARENT_SUBJECT)
        parent_tab.get_by_label("Votre message").fill(PARENT_TEXT)
        look_at(parent_tab, "parent", "new")
        axe_check(parent_tab, "messaging-parent-new")
        open_menu(parent_tab).get_by_role("link", name=re.compile("^Messages")).click()
        expect(parent_tab).to_have_url(re.compile(r"/messages/$"))
        parent_tab.get_by_role("main").get_by_role("link", name="Écrire un message").click()
        expect(parent_tab.get_by_text("Texte retrouvé")).to_be_visible()
        expect(parent_tab.get_by_label("Votre message")).to_have_value(PARENT_TEXT)
        expect(parent_tab.get_by_label("Sujet")).to_have_value(PARENT_SUBJECT)
        expect(picker.get_by_label("Claire Durand")).to_be_checked()
        parent_tab.get_by_role("button", name="Envoyer").click()
        expect(parent_tab).to_have_url(re.compile(r"/messages/\d+/$"))
        parent_url = parent_tab.url
        expect(parent_tab.get_by_text("Votre message est envoyé.")).to_be_visible()
        expect(parent_tab.get_by_text("Pas encore lu")).to_be_visible()

        # The teacher's header count changes without a reload.
        expect(counter(teacher).locator(".badge")).to_have_text(re.compile(r"\b1$"), timeout=LIVE)
        teacher.reload()
        teacher.locator(".conversation-item", has_text=PARENT_SUBJECT).get_by_role("link").click()
        expect(teacher).to_have_url(parent_url)
        expect(teacher.get_by_text(PARENT_TEXT)).to_be_visible()
        # Sophie's page says it was read, without a reload.
        expect(parent_tab.get_by_text("Pas encore lu")).to_have_count(0, timeout=LIVE)
        read_mark = parent_tab.locator(".chat-message--mine").get_by_text("Lu", exact=True)
        expect(read_mark).to_be_visible()
        look_at(parent_tab, "parent", "conversation")
        axe_check(parent_tab, "messaging-parent-conversation")

        # --- Sophie writes again: the teacher's open conversation shows it -------------
        parent_tab.locator("#reply-form textarea[name=body]").fill(PARENT_AGAIN)
        parent_tab.locator("#reply-form").get_by_role("button", name="Envoyer").click()
        expect(parent_tab.locator(".chat-message--mine", has_text=PARENT_AGAIN)).to_be_visible()
        arrived = teacher.locator(".chat-message", has_text=PARENT_AGAIN)
        expect(arrived).to_be_visible(timeout=LIVE)
        expect(teacher.locator("#chat-news")).to_contain_text("1 nouveau message")
        expect(arrived.get_by_role("link", name="Signaler")).to_be_visible()
        arrived.get_by_role("button", name="Répondre").click()
        reply_form = teacher.locator("#reply-form")
        expect(reply_form.get_by_text("En réponse à Sophie Martin.")).to_be_visible()
        teacher.keyboard.type(TEACHER_ANSWER)
        look_at(teacher, "teacher", "conversation")
        axe_check(teacher, "messaging-teacher-conversation")

        # Her answer is kept when she leaves the page, with what it answers.
        teacher.goto("/messages/")
        teacher.goto(parent_url)
        expect(reply_form.locator("textarea[name=body]")).to_have_value(TEACHER_ANSWER)
        expect(reply_form.get_by_text("En réponse à Sophie Martin.")).to_be_visible()
        reply_form.get_by_role("button", name="Envoyer").click()
        expect(teacher.locator(".chat-message--mine", has_text=TEACHER_ANSWER)).to_be_visible()
        again = Message.objects.get(body__contains="pique-nique")
        assert Message.objects.get(body__contains="départ").reply_to_id == again.pk

        # Sophie's open conversation shows the answer and what it answers.
        answered = parent_tab.locator(".chat-message", has_text=TEACHER_ANSWER)
        expect(answered).to_be_visible(timeout=LIVE)
        expect(answered.locator(".chat-message__quote")).to_contain_text("En réponse à Sophie")
        parent_tab.goto("/messages/")
        look_at(parent_tab, "parent", "inbox")
        axe_check(parent_tab, "messaging-parent-inbox")
    finally:
        for tab in (pupil_tab, parent_tab):
            if tab is not None:
                tab.context.close()
