"""Words to parents, as a school would first use them (issue 20).

Anne Roux, the director of École des Tilleuls, writes a word with a yes/no question to
the whole school (three families in two classes). Sophie Martin, Léa's mother, opens it
on her phone (390 px wide) from her carnet, answers and acknowledges it. The director's
follow-up then reads "1 ... of 3", she reminds the others in one click: Marc Petit's bell
lists the reminder and an e-mail reached him; a second click is refused with a message.
The printable list holds the two families not reached.

Only the data (school, classes, people) is built with factories; everything else goes
through the pages. axe checks the form, the parent's word and the follow-up; the parent's
and the director's pages are measured at 390 and 1024 px (no sideways scrolling).
"""

import re
from types import SimpleNamespace

import pytest
from django.core import mail
from playwright.sync_api import expect

from classrooms.models import Level, Membership
from liaison.models import Acknowledgement, Word
from notifications.models import Notification
from pages.models import SchoolStaff
from tests import factories
from tests.browser.conftest import SCREENSHOTS
from tests.browser.journeys import log_in, new_tab, open_menu

TITLE = "Sortie à la ferme : autorisation"
TEXT = "Nous irons à la ferme pédagogique jeudi. Autorisez-vous votre enfant à venir ?"
WIDTHS = (390, 1024)


@pytest.fixture
def school(django_db_serialized_rollback, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    ce1 = factories.ClassroomPageFactory(parent=school, title="CE1 de Mme Durand", level=Level.CE1)
    cm1 = factories.ClassroomPageFactory(parent=school, title="CM1 de M. Petit", level=Level.CM1)

    def person(username, first, last, **extra):
        return factories.UserFactory(username=username, first_name=first, last_name=last, **extra)

    people = SimpleNamespace(
        director=person("anne.roux", "Anne", "Roux", email="anne@example.org"),
        lea=person("lea.martin", "Léa", "Martin"),
        jade=person("jade.roy", "Jade", "Roy"),
        tom=person("tom.petit", "Tom", "Petit"),
        sophie=person("sophie.martin", "Sophie", "Martin", email="sophie@example.org"),
        nina=person("nina.roy", "Nina", "Roy", email="nina@example.org"),
        marc=person("marc.petit", "Marc", "Petit", email="marc@example.org"),
    )
    factories.SchoolStaffFactory(
        user=people.director, school=school, role=SchoolStaff.Role.DIRECTOR
    )
    for pupil, classroom, parent in (
        (people.lea, ce1, people.sophie),
        (people.jade, ce1, people.nina),
        (people.tom, cm1, people.marc),
    ):
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
        factories.GuardianshipFactory(parent=parent, child=pupil)
    people.school = school
    return people


def look_at(tab, role, name):
    """No sideways scrolling at a phone's and a tablet's width; a photograph of each."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = tab.viewport_size
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        tab.evaluate(
            "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
        )
        overflow = tab.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{role} {name} at {width} px is {overflow} px wide"
        tab.screenshot(path=str(SCREENSHOTS / f"words-{role}-{name}-{width}.png"), full_page=True)
    tab.set_viewport_size(size)


def test_the_director_writes_a_parent_acknowledges_the_others_are_reminded(
    page, browser, live_server, school, axe_check
):
    director = page
    log_in(director, "anne.roux")
    director.goto("/carnet/")
    director.locator(f"a[href='/carnet/ecoles/{school.school.pk}/ecrire/']").click()
    axe_check(director, "words-director-new")
    look_at(director, "director", "new")
    director.locator("input[name=audience][value=school]").check()
    director.locator("input[name=title]").fill(TITLE)
    director.locator("textarea[name=text]").fill(TEXT)
    director.locator("input[name=question][value=yes_no]").check()
    director.locator("input[name=needs_answer]").check()
    director.locator("form.panel button[type=submit]").click()
    expect(director).to_have_url(re.compile(r"/carnet/mots/\d+/suivi/$"))
    word = Word.objects.get(title=TITLE)
    expect(director.locator(".word-count")).to_have_text(re.compile(r"0\D+3"))

    parent = new_tab(browser, live_server)
    parent.set_viewport_size({"width": 390, "height": 844})
    log_in(parent, "sophie.martin")
    parent.goto("/carnet/")
    parent.locator(f"a[href='/carnet/enfants/{school.lea.pk}/']").click()
    parent.locator(f"a[href='/carnet/enfants/{school.lea.pk}/mots/{word.pk}/']").click()
    expect(parent.get_by_text(TEXT)).to_be_visible()
    axe_check(parent, "words-parent-read")
    look_at(parent, "parent", "read")
    # The answer is needed: acknowledging without it is refused, and says so.
    parent.locator("form.panel button[type=submit]").click()
    expect(parent.locator(".field--error")).to_be_visible()
    assert not Acknowledgement.objects.exists()
    parent.locator("input[name=answer][value=yes]").check()
    parent.locator("form.panel button[type=submit]").click()
    expect(parent.locator(".message--success").first).to_be_visible()
    ack = Acknowledgement.objects.get()
    assert (ack.parent, ack.child, ack.answer) == (school.sophie, school.lea, "yes")

    director.reload()
    expect(director.locator(".word-count")).to_have_text(re.compile(r"1\D+3"))
    expect(director.locator(".word-tally")).to_contain_text("1")
    axe_check(director, "words-director-follow")
    look_at(director, "director", "follow")
    mail.outbox.clear()
    director.locator(f"form[action='/carnet/mots/{word.pk}/relancer/'] button").click()
    expect(director.locator(".messages, [role=alert], .message").first).to_be_visible()
    reminded = Notification.objects.filter(kind="word_reminder")
    assert {n.recipient for n in reminded} == {school.nina, school.marc}
    assert sorted(m.to[0] for m in mail.outbox) == ["marc@example.org", "nina@example.org"]
    assert all(TITLE in m.body for m in mail.outbox)
    # A second click within the hour reminds nobody.
    director.locator(f"form[action='/carnet/mots/{word.pk}/relancer/'] button").click()
    assert Notification.objects.filter(kind="word_reminder").count() == 2

    director.goto(f"/carnet/mots/{word.pk}/a-imprimer/")
    table = director.locator("table.word-print")
    expect(table).to_contain_text("Tom Petit")
    expect(table).to_contain_text("Marc Petit")
    expect(table).not_to_contain_text("Léa Martin")

    marc = new_tab(browser, live_server)
    marc.set_viewport_size({"width": 390, "height": 844})
    log_in(marc, "marc.petit")
    expect(open_menu(marc).locator("a[href='/notifications/'] .badge").first).to_be_visible()
    marc.goto("/notifications/")
    reminder = marc.locator("main a", has_text=TITLE).first
    expect(reminder).to_be_visible()
    expect(marc.locator("main")).to_contain_text(TITLE)
    reminder.click()
    expect(marc.get_by_text(TEXT)).to_be_visible()
