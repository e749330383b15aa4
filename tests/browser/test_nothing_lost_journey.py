"""Nothing a person writes is lost: not to an ended session, not to another person's save.

Léa writes an entry on a school tablet; her session ends before she sends it (expired,
evicted, the server restarted: here, every session row is deleted). Sending it takes her
to the login page; she logs in again, lands back on the editor with her text restored
and a note saying so, and sends it. The next new entry starts empty. On the same tablet,
Hugo logging in after such a loss never sees Léa's text; Léa gets it back once she logs
in again. The same for a comment: its sentences come back on the entry after the login.
Two teachers correcting the same entry at once: the second save is refused, the page
shows the version saved meanwhile and keeps the second teacher's text in the form.

Only the data is built with factories; everything else goes through the pages.
"""

import re
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from classrooms.models import BlogEntryPage, Level, Membership
from comments.models import ClassComment
from tests import factories
from tests.browser.journeys import log_in, new_tab, open_menu
from tests.sessions import end_every_session

TITLE = "La sortie à la ferme"
TEXT = "Nous avons vu des chèvres et un âne qui s’appelle Caramel."
HUGO_TEXT = "Le texte de Hugo."
LIKED = "les chèvres, surtout la plus petite"
NOTE = "Texte retrouvé"


@pytest.fixture
def tablet_class(django_db_serialized_rollback):
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    classroom = factories.ClassroomPageFactory(
        parent=school, title="CE1 de Mme Durand", level=Level.CE1
    )
    people = SimpleNamespace(
        classroom=classroom,
        lea=factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin"),
        hugo=factories.UserFactory(username="hugo.bernard", first_name="Hugo", last_name="Bernard"),
        claire=factories.UserFactory(
            username="claire.durand", first_name="Claire", last_name="Durand"
        ),
        marc=factories.UserFactory(username="marc.lenoir", first_name="Marc", last_name="Lenoir"),
    )
    for pupil in (people.lea, people.hugo):
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    for teacher in (people.claire, people.marc):
        factories.MembershipFactory(user=teacher, classroom=classroom, role=Membership.Role.TEACHER)
    entry = factories.BlogEntryPageFactory(parent=classroom, title="Nos haricots")
    entry.save_revision().publish()
    people.entry = BlogEntryPage.objects.get(pk=entry.pk)
    return people


def log_in_here(tab, username):
    """Log in on the login page the tab is on (keeping its `next`)."""
    expect(tab).to_have_url(re.compile(r"/compte/connexion/\?next="))
    tab.get_by_label("Identifiant").fill(username)
    tab.get_by_label("Mot de passe").fill(factories.TEST_PASSWORD)
    tab.get_by_role("main").get_by_role("button", name="Se connecter").click()


def editor_ready(tab):
    """Wait until the editor's script has put the formatted area in place: typed before
    that, the text would go to the plain textarea the script then hides."""
    expect(tab.locator("[data-editor-source] + .editor-area")).to_be_visible()


def open_editor(tab):
    """The new-entry editor, ready to type in."""
    tab.get_by_role("link", name="Écrire un article").click()
    editor_ready(tab)


def log_out(tab):
    open_menu(tab)
    tab.get_by_role("button", name="Se déconnecter").click()
    expect(tab).to_have_url(re.compile(r"/$"))


def test_an_entry_written_while_the_session_ended_is_restored_after_login(
    page, tablet_class, axe_check
):
    people = tablet_class
    editor_url = re.compile(rf"/classes/{people.classroom.pk}/ecrire/$")
    log_in(page, people.lea.username)
    open_editor(page)
    expect(page).to_have_url(editor_url)
    note = page.locator("[data-draft-note]")
    expect(note).to_be_hidden()
    page.get_by_label("Titre").fill(TITLE)
    text = page.get_by_role("textbox", name="Ton texte")
    text.click()
    page.keyboard.type(TEXT)

    end_every_session()
    page.get_by_role("button", name="Envoyer à mon enseignant").click()
    # Nothing was kept by the server: the login page, then back to the editor.
    log_in_here(page, people.lea.username)
    expect(page).to_have_url(editor_url)
    assert not BlogEntryPage.objects.filter(title=TITLE).exists()
    expect(note).to_be_visible()
    expect(note).to_contain_text(NOTE)
    expect(page.get_by_label("Titre")).to_have_value(TITLE)
    expect(text).to_have_text(TEXT)
    axe_check(page, "editor-draft-restored")

    page.get_by_role("button", name="Envoyer à mon enseignant").click()
    expect(page.get_by_text("Ton article a été envoyé à ton enseignant. Bravo !")).to_be_visible()
    entry = BlogEntryPage.objects.get(title=TITLE)
    assert TEXT in entry.get_latest_revision_as_object().body[0].value.source
    # Sent: the draft is forgotten, the next entry starts empty.
    open_editor(page)
    expect(page).to_have_url(editor_url)
    expect(page.get_by_label("Titre")).to_have_value("")
    expect(page.get_by_role("textbox", name="Ton texte")).to_have_text("")
    expect(note).to_be_hidden()


def test_on_a_shared_tablet_a_lost_draft_goes_back_to_its_writer_only(page, tablet_class):
    people = tablet_class
    editor_url = re.compile(rf"/classes/{people.classroom.pk}/ecrire/$")
    log_in(page, people.lea.username)
    open_editor(page)
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_role("textbox", name="Ton texte").click()
    page.keyboard.type(TEXT)
    end_every_session()
    page.get_by_role("button", name="Enregistrer mon brouillon").click()

    # Hugo takes the tablet: the editor he comes to is empty.
    log_in_here(page, people.hugo.username)
    expect(page).to_have_url(editor_url)
    note = page.locator("[data-draft-note]")
    expect(note).to_be_hidden()
    expect(page.get_by_label("Titre")).to_have_value("")
    text = page.get_by_role("textbox", name="Ton texte")
    expect(text).not_to_contain_text(TEXT)
    text.click()
    page.keyboard.type(HUGO_TEXT)
    page.get_by_label("Titre").fill("Mon article")
    page.get_by_role("button", name="Enregistrer mon brouillon").click()
    expect(page.get_by_text("Ton brouillon est enregistré.")).to_be_visible()
    log_out(page)

    # Léa again: her text is back, Hugo's is not in it.
    log_in(page, people.lea.username)
    open_editor(page)
    expect(note).to_be_visible()
    expect(page.get_by_label("Titre")).to_have_value(TITLE)
    expect(page.get_by_role("textbox", name="Ton texte")).to_have_text(TEXT)
    # She may also drop it.
    note.get_by_role("button", name="Ne pas le garder").click()
    expect(note).to_be_hidden()
    expect(page.get_by_label("Titre")).to_have_value("")
    page.reload()
    expect(note).to_be_hidden()
    expect(page.get_by_label("Titre")).to_have_value("")


def drafts_of(tab, person):
    """The keys of the drafts the browser keeps for `person` (static/js/drafts.js)."""
    return tab.evaluate(
        "(prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix))",
        f"preau-draft:{person.pk}:",
    )


def test_logging_out_leaves_none_of_the_person_s_drafts_on_the_tablet(page, tablet_class):
    """Léa leaves an entry and a comment unsent, then logs out: the next child on the
    tablet finds nothing of hers in the browser's storage."""
    people = tablet_class
    log_in(page, people.lea.username)
    open_editor(page)
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_role("textbox", name="Ton texte").click()
    page.keyboard.type(TEXT)
    page.goto(people.entry.url)
    page.get_by_label("J’ai aimé…", exact=True).first.fill(LIKED)
    page.wait_for_function(
        "(prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).length == 2",
        arg=f"preau-draft:{people.lea.pk}:",
    )
    log_out(page)
    assert drafts_of(page, people.lea) == []


def test_a_comment_written_while_the_session_ended_is_restored_after_login(page, tablet_class):
    people = tablet_class
    log_in(page, people.lea.username)
    page.goto(people.entry.url)
    comments = page.get_by_role("region", name="Commentaires")
    form = comments.locator("form", has=page.get_by_role("button", name="Envoyer mon commentaire"))
    form.get_by_label("J’ai aimé…", exact=True).fill(LIKED)

    end_every_session()
    form.get_by_role("button", name="Envoyer mon commentaire").click()
    log_in_here(page, people.lea.username)
    # Back on the entry (not on the address the form posted to), the sentence restored.
    expect(page).to_have_url(re.compile(rf"{re.escape(people.entry.url)}#comments$"))
    assert not ClassComment.objects.exists()
    expect(form.locator("[data-draft-note]")).to_be_visible()
    expect(form.get_by_label("J’ai aimé…", exact=True)).to_have_value(LIKED)
    expect(form.locator("[data-count-for]").first).to_have_text(
        re.compile(rf"^{500 - len(LIKED)} caractères restants$")
    )

    form.get_by_role("button", name="Envoyer mon commentaire").click()
    expect(page).to_have_url(re.compile(r"#comment-\d+$"))
    comment = ClassComment.objects.get()
    assert comment.liked == LIKED and comment.user == people.lea
    # Posted: the form is empty again, and stays so.
    expect(form.get_by_label("J’ai aimé…", exact=True)).to_have_value("")
    page.reload()
    expect(form.get_by_label("J’ai aimé…", exact=True)).to_have_value("")
    expect(form.locator("[data-draft-note]")).to_be_hidden()


def test_two_teachers_saving_one_entry_lose_nothing(
    page, browser, live_server, tablet_class, axe_check
):
    people = tablet_class
    draft = factories.BlogEntryPageFactory(parent=people.classroom, title=TITLE, live=False)
    draft.owner = people.lea
    draft.save_revision(user=people.lea)
    edit_url = f"/classes/articles/{draft.pk}/modifier/"
    marc_tab = new_tab(browser, live_server)
    try:
        log_in(page, people.claire.username)
        page.goto(edit_url)
        editor_ready(page)
        log_in(marc_tab, people.marc.username)
        marc_tab.goto(edit_url)
        editor_ready(marc_tab)

        marc_tab.get_by_role("textbox", name="Votre texte").click()
        marc_tab.keyboard.type("La version de Marc.")
        marc_tab.get_by_role("button", name="Enregistrer mon brouillon").click()
        expect(marc_tab.get_by_text("Votre brouillon est enregistré.")).to_be_visible()

        page.get_by_label("Titre").fill("Notre sortie à la ferme")
        page.get_by_role("textbox", name="Votre texte").click()
        page.keyboard.type("La version de Claire.")
        page.get_by_role("button", name="Enregistrer mon brouillon").click()
        expect(
            page.get_by_text("Marc L. a enregistré cet article pendant ce temps")
        ).to_be_visible()
        saved = page.get_by_role("region", name=re.compile(r"^La version enregistrée par Marc L\."))
        expect(saved).to_contain_text("La version de Marc.")
        claire_text = page.get_by_role("textbox", name="Votre texte")
        expect(claire_text).to_have_text("La version de Claire.")
        expect(page.get_by_label("Titre")).to_have_value("Notre sortie à la ferme")
        latest = BlogEntryPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
        assert "La version de Marc." in latest.body[0].value.source
        axe_check(page, "editor-conflict")

        # Claire takes Marc's sentence into hers, and saves knowingly.
        page.get_by_role("textbox", name="Votre texte").click()
        page.keyboard.press("Control+End")
        page.keyboard.type(" La version de Marc.")
        page.get_by_role("button", name="Enregistrer mon brouillon").click()
        expect(page.get_by_text("Votre brouillon est enregistré.")).to_be_visible()
        latest = BlogEntryPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
        assert latest.title == "Notre sortie à la ferme"
        assert "La version de Claire. La version de Marc." in latest.body[0].value.source
    finally:
        marc_tab.context.close()
