"""The writing workshop, as its first users would try it (issue 18).

Mme Durand, on a tablet, sets a group writing assignment from her class page ("Donner un
écrit"): each group writes one text, the groups choose their topic. Léa and Hugo, of the
group "Les Hiboux", open their group's text at the same time, each writes a paragraph
and saves: neither loses a word, and the second is told someone wrote at the same time.
Léa hands it in. The teacher, with her finger, marks four passages with four kinds of
marks (a hint on one), comments and gives it back to rewrite. Léa reads the marks, the
colour code and the comment, rewrites the marked words and hands in draft 2. The teacher
sees draft 1's marks dealt with, reads Léa's progress from the class's progress, and says
the text is ready; Léa puts it on the class blog and sends it; the teacher publishes it
through the blog's review, and it is on the class wall, where Léa's mother reads it.

Only the data (school, class, teacher, three pupils in two groups, a parent) is built
with factories; everything else goes through the pages. axe checks the pupil's page with
the marked draft; the pupil's page is also looked at on a 390 px wide phone.
"""

import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from classrooms.models import BlogEntryPage, Level, Membership, PupilGroup
from tests import factories
from tests.browser.journeys import log_in
from writing.models import Draft, Mark, Text, TextStatus, WritingAssignmentPage

CLASS = "CE1 de Mme Durand"
TITLE = "Un animal de chez nous"
INSTRUCTIONS = "Racontez ce que fait un animal de votre maison ou de votre jardin."
TOPICS = ["Le chat de la maison", "Le chien du voisin"]
TOPIC = TOPICS[0]
GROUP = "Les Hiboux"

LEA_PARAGRAPH = "Le chat dormais sur le toit. Il a vu un oizeau bleu."
HUGO_PARAGRAPH = "les oiseaux chante dans les arbre du jardin."
REWRITTEN = (
    "Le chat dormait sur le toit. Il a vu un oiseau bleu.\n"
    "Les oiseaux chantent dans les arbres du jardin."
)
HINT = "Écoute bien le son au milieu du mot."
COMMENT = "Très belle histoire ! Corrigez les mots annotés."

TABLET = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}
SHOTS = Path(os.environ.get("PREAU_WRITING_SHOTS", "/work/tmp/shots"))


@pytest.fixture
def writing_class(django_db_serialized_rollback, settings, tmp_path):
    """A CE1 class with its teacher, three pupils in two groups and Léa's mother."""
    settings.MEDIA_ROOT = str(tmp_path)
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    classroom = factories.ClassroomPageFactory(parent=school, title=CLASS, level=Level.CE1)
    people = SimpleNamespace(
        classroom=classroom,
        teacher=factories.UserFactory(
            username="claire.durand", first_name="Claire", last_name="Durand"
        ),
        lea=factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin"),
        hugo=factories.UserFactory(username="hugo.bernard", first_name="Hugo", last_name="Bernard"),
        tom=factories.UserFactory(username="tom.petit", first_name="Tom", last_name="Petit"),
        parent=factories.UserFactory(
            username="sophie.martin", first_name="Sophie", last_name="Martin"
        ),
    )
    factories.MembershipFactory(
        user=people.teacher, classroom=classroom, role=Membership.Role.TEACHER
    )
    for pupil in (people.lea, people.hugo, people.tom):
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    factories.GuardianshipFactory(parent=people.parent, child=people.lea)
    owls = PupilGroup.objects.create(classroom=classroom, name=GROUP)
    owls.pupils.set([people.lea, people.hugo])
    foxes = PupilGroup.objects.create(classroom=classroom, name="Les Renards")
    foxes.pupils.set([people.tom])
    classroom.refresh_from_db()
    return people


def open_tab(browser, live_server, viewport=None, touch=False):
    """A tab in a context of its own (one person per tab), tablet-sized by default."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="fr-FR",
        viewport=viewport or TABLET,
        has_touch=touch,
    )
    context.set_default_timeout(15_000)
    return context.new_page()


def shot(tab, name, full_page=True):
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def word(tab, text, nth=0):
    """One word of the draft under the marking tool."""
    words = tab.locator("[data-marking-text] .word").filter(
        has_text=re.compile(rf"^{re.escape(text)}$")
    )
    return words.nth(nth)


def mark_passage(tab, taps, quote, kind, count, hint=""):
    """Tap the first word, then the last (once for a single word), then the kind."""
    form = tab.locator("[data-marking-form]")
    for target in taps:
        target.tap()
    expect(form.locator("[data-marking-selection]")).to_have_text(f"« {quote} »")
    if hint:
        form.get_by_label("Un indice").fill(hint)
    kind_button = form.get_by_role("button", name=kind, exact=True)
    expect(kind_button).to_be_enabled()
    kind_button.tap()
    expect(tab.get_by_text(f"« {quote} » annoté : {kind}.")).to_be_visible()
    expect(tab.locator("#marks-heading")).to_have_text(
        f"{count} annotation" + ("s" if count > 1 else "")
    )


def test_a_group_writes_the_teacher_marks_with_a_finger_the_pupils_rewrite_and_publish(
    browser, live_server, writing_class, axe_check
):
    people = writing_class
    classroom = people.classroom
    tabs = []

    def tab_for(username, **options):
        tab = open_tab(browser, live_server, **options)
        tabs.append(tab)
        log_in(tab, username)
        return tab

    try:
        # --- 1. The teacher, on her tablet, sets the assignment ---------------------------
        teacher = tab_for(people.teacher.username, touch=True)
        teacher.goto(classroom.url)
        class_url = teacher.url
        teacher.get_by_role("link", name="Donner un écrit").tap()
        expect(teacher).to_have_url(re.compile(rf"/ecrits/classes/{classroom.pk}/nouveau/$"))
        teacher.get_by_label("Titre").fill(TITLE)
        teacher.get_by_label("Consigne", exact=True).fill(INSTRUCTIONS)
        teacher.get_by_label("Chaque groupe écrit un texte ensemble").check()
        teacher.get_by_label("Sujets au choix").fill("\n".join(TOPICS))
        teacher.get_by_label("Les élèves ou les groupes choisissent").check()
        teacher.get_by_role("button", name="Donner l’écrit").tap()
        expect(teacher).not_to_have_url(re.compile(r"/nouveau/$"))
        assignment = WritingAssignmentPage.objects.get(title=TITLE)
        expect(teacher).to_have_url(re.compile(re.escape(assignment.url) + "$"))
        expect(teacher.get_by_role("heading", level=1)).to_have_text(TITLE)
        assert assignment.live and assignment.get_parent().pk == classroom.pk
        assert [topic.title for topic in assignment.topics.all()] == TOPICS
        assert assignment.work_mode == "group"

        # --- 2. Léa and Hugo write their group's text at the same time -------------------
        lea = tab_for(people.lea.username)
        expect(lea.get_by_role("heading", level=1)).to_contain_text(CLASS)
        lea.get_by_role("main").get_by_role("link", name=TITLE).first.click()
        expect(lea).to_have_url(re.compile(re.escape(assignment.url) + "$"))
        choice = lea.get_by_role("group", name="Choisis le sujet de ton groupe")
        choice.get_by_label(TOPIC).check()
        lea.get_by_role("button", name="Commencer à écrire").click()
        expect(lea).to_have_url(re.compile(r"/ecrits/textes/\d+/$"))
        text_url = lea.url
        text = Text.objects.get()
        assert text.group.name == GROUP and text.topic.title == TOPIC
        assert {a.username for a in text.authors.all()} == {"lea.martin", "hugo.bernard"}

        hugo = tab_for(people.hugo.username)
        hugo.goto(assignment.url)
        ours = hugo.get_by_role("region", name="Notre texte")
        ours.get_by_role("link", name=TOPIC).click()
        expect(hugo).to_have_url(text_url)

        # Both pages are open on the empty text before either saves.
        lea_area = lea.get_by_label("Ton texte", exact=True)
        hugo_area = hugo.get_by_label("Ton texte", exact=True)
        expect(lea_area).to_have_value("")
        expect(hugo_area).to_have_value("")
        lea_area.fill(LEA_PARAGRAPH)
        hugo_area.fill(HUGO_PARAGRAPH)
        lea.get_by_role("button", name="Enregistrer", exact=True).click()
        expect(lea.get_by_text("Ton texte est enregistré.")).to_be_visible()
        hugo.get_by_role("button", name="Enregistrer", exact=True).click()
        expect(
            hugo.get_by_text(
                "Enregistré. Quelqu’un de ton groupe a écrit en même temps : "
                "ses mots sont aussi dans le texte."
            )
        ).to_be_visible()
        merged = f"{LEA_PARAGRAPH}\n\n{HUGO_PARAGRAPH}"
        text.refresh_from_db()
        assert text.body == merged
        expect(hugo.get_by_label("Ton texte", exact=True)).to_have_value(
            re.compile(re.escape(LEA_PARAGRAPH))
        )
        expect(hugo.get_by_label("Ton texte", exact=True)).to_have_value(
            re.compile(re.escape(HUGO_PARAGRAPH))
        )
        # Léa sees Hugo's paragraph once she reloads, and hands the text in.
        lea.reload()
        expect(lea.get_by_label("Ton texte", exact=True)).to_have_value(
            re.compile(re.escape(LEA_PARAGRAPH) + r"\s+" + re.escape(HUGO_PARAGRAPH))
        )
        lea.get_by_role("button", name="Rendre à ma maîtresse ou à mon maître").click()
        expect(lea.get_by_text("Ton texte est rendu.")).to_be_visible()
        text.refresh_from_db()
        assert text.status == TextStatus.HANDED_IN and text.body == merged
        assert Draft.objects.get(text=text).number == 1

        # --- 3. The teacher marks the draft with her finger ------------------------------
        teacher.goto(class_url)
        waiting = teacher.get_by_role("region", name="1 travail vous attend")
        waiting.get_by_role("link", name=f"{TOPIC}, brouillon 1").tap()
        expect(teacher).to_have_url(re.compile(rf"/ecrits/textes/{text.pk}/brouillons/1/$"))
        draft_url = teacher.url
        expect(teacher.locator("[data-marking-text]")).to_contain_text("dormais")
        mark_passage(teacher, [word(teacher, "dormais")], "dormais", "Conjugaison", 1)
        mark_passage(teacher, [word(teacher, "oizeau")], "oizeau", "Orthographe", 2, hint=HINT)
        mark_passage(teacher, [word(teacher, "les", 0)], "les", "Ponctuation et majuscules", 3)
        mark_passage(
            teacher,
            [word(teacher, "les", 1), word(teacher, "arbre")],
            "les arbre",
            "Accords",
            4,
        )
        marks = {m.quote: m.error_type.name for m in Mark.objects.select_related("error_type")}
        assert marks == {
            "dormais": "Conjugaison",
            "oizeau": "Orthographe",
            "les": "Ponctuation et majuscules",
            "les arbre": "Accords",
        }
        assert Mark.objects.get(quote="oizeau").hint == HINT
        shot(teacher, "writing-marked-draft-tablet")
        teacher.get_by_label("Votre commentaire").fill(COMMENT)
        teacher.get_by_role("button", name="À réécrire").tap()
        expect(teacher).to_have_url(re.compile(re.escape(assignment.url) + "$"))
        text.refresh_from_db()
        assert text.status == TextStatus.TO_REWRITE

        # --- 4. Léa reads the marks and rewrites -----------------------------------------
        lea.goto(text_url)
        read = lea.get_by_role("region", name="Ta maîtresse ou ton maître a lu ton brouillon 1")
        expect(read).to_be_visible()
        expect(read.get_by_text(COMMENT)).to_be_visible()
        legend = read.get_by_role("region", name="Le code couleur")
        for kind in ("Conjugaison", "Orthographe", "Ponctuation et majuscules", "Accords"):
            expect(legend).to_contain_text(kind)
        marked = read.locator(".marked-text mark")
        expect(marked).to_have_count(4)
        expect(read.locator(".marked-text")).to_contain_text(HINT)
        # What is left to look at shows each mark in its colour and underline too.
        to_look_at = read.locator(".mark-list mark")
        expect(to_look_at).to_have_count(4)
        for index in range(4):
            expect(to_look_at.nth(index)).to_have_class(re.compile(r"\bink ink--\w+ ink--\w+"))
        axe_check(lea, "writing-text-marked")
        shot(lea, "writing-pupil-text-marked-tablet")
        # The same page on a phone, 390 px wide.
        lea.set_viewport_size(PHONE)
        lea.reload()
        expect(lea.get_by_role("heading", level=1)).to_have_text(TOPIC)
        expect(lea.get_by_label("Ton texte", exact=True)).to_be_visible()
        shot(lea, "writing-pupil-text-phone-390")
        overflow = lea.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"the page scrolls sideways by {overflow}px at 390 px"
        lea.set_viewport_size(TABLET)
        lea.get_by_label("Ton texte", exact=True).fill(REWRITTEN)
        lea.get_by_role("button", name="Rendre à ma maîtresse ou à mon maître").click()
        expect(lea.get_by_text("Ton texte est rendu.")).to_be_visible()
        assert Draft.objects.filter(text=text).count() == 2

        # --- 5. The teacher reads draft 2, the progress, and says it is ready -----------
        teacher.goto(class_url)
        waiting = teacher.get_by_role("region", name="1 travail vous attend")
        waiting.get_by_role("link", name=f"{TOPIC}, brouillon 2").tap()
        expect(teacher).to_have_url(re.compile(rf"/ecrits/textes/{text.pk}/brouillons/2/$"))
        dealt = teacher.get_by_role("region", name="Les annotations du brouillon 1")
        expect(dealt.locator("li")).to_have_count(4)
        expect(dealt.locator("li.mark-list__done")).to_have_count(4)
        expect(dealt.get_by_text("réécrit")).to_have_count(4)
        teacher.goto(assignment.url)
        teacher.get_by_role("link", name="Progrès de la classe").tap()
        expect(teacher).to_have_url(re.compile(rf"/ecrits/classes/{classroom.pk}/progres/$"))
        teacher.get_by_role("link", name="Léa M.").tap()
        expect(teacher).to_have_url(
            re.compile(rf"/ecrits/classes/{classroom.pk}/eleves/{people.lea.pk}/progres/$")
        )
        expect(teacher.get_by_role("heading", level=1)).to_contain_text("Léa")
        year = teacher.get_by_role("region", name="Annotations cette année")
        chart = year.locator("table.bars")
        expect(chart).to_be_visible()
        # A mark counts for the pupil who wrote its paragraph: Léa's two, not Hugo's.
        for kind, count in (
            ("Conjugaison", "1"),
            ("Orthographe", "1"),
            ("Accords", "0"),
            ("Ponctuation et majuscules", "0"),
        ):
            row = chart.get_by_role("row", name=re.compile(rf"^{kind}\b"))
            expect(row.locator(".bars__count")).to_have_text(count)
        expect(chart.locator(".bars__bar:not(.w-0)")).to_have_count(2)
        teacher.goto(draft_url.replace("/brouillons/1/", "/brouillons/2/"))
        teacher.get_by_role("button", name="Le texte est prêt").tap()
        expect(teacher).to_have_url(re.compile(re.escape(assignment.url) + "$"))
        text.refresh_from_db()
        assert text.status == TextStatus.READY

        # --- 6. Léa puts it on the blog; the teacher publishes it -----------------------
        lea.goto(text_url)
        lea.get_by_role("button", name="Le mettre sur le blog de la classe").click()
        expect(lea).to_have_url(re.compile(r"/classes/articles/\d+/modifier/$"))
        expect(lea.get_by_label("Titre")).to_have_value(TOPIC)
        lea.get_by_role("button", name="Envoyer à mon enseignant").click()
        expect(lea).to_have_url(class_url)
        expect(
            lea.get_by_text("Ton article a été envoyé à ton enseignant. Bravo !")
        ).to_be_visible()

        teacher.goto(class_url)
        waiting = teacher.get_by_role("region", name="1 travail vous attend")
        waiting.get_by_role("link", name=TOPIC).tap()
        expect(teacher).to_have_url(re.compile(r"/classes/articles/\d+/relire/$"))
        body = teacher.locator(".entry__body")
        expect(body).to_contain_text("Le chat dormait sur le toit.")
        expect(body).to_contain_text("Les oiseaux chantent dans les arbres du jardin.")
        teacher.get_by_role("group", name="Qui peut lire cet article ?").get_by_label(
            "La classe et ses familles"
        ).check()
        teacher.get_by_role("button", name="Publier l’article").tap()
        expect(
            teacher.get_by_text("L’article est publié sur le blog de la classe.")
        ).to_be_visible()
        expect(teacher.get_by_role("heading", level=1)).to_have_text(TOPIC)
        teacher.goto(class_url)
        expect(teacher.locator(".card--entry", has_text=TOPIC)).to_be_visible()

        # Léa's mother finds it on the class wall.
        parent = tab_for(people.parent.username)
        expect(parent).to_have_url(class_url)
        card = parent.locator(".card--entry", has_text=TOPIC)
        expect(card).to_be_visible()
    finally:
        for tab in tabs:
            tab.context.close()

    entry = BlogEntryPage.objects.child_of(classroom).get()
    assert entry.live and entry.title == TOPIC
    assert {a.username for a in entry.authors.all()} == {"lea.martin", "hugo.bernard"}
    text.refresh_from_db()
    assert text.status == TextStatus.PUBLISHED and text.entry_id == entry.pk
