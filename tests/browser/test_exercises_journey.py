"""Exercises with automatic marking, as their first users would try them.

Mme Durand, teacher of a CE1 class, makes a group "Lecteurs" on her class's groups page
(Léa in it, Hugo not), then writes an exercise "Révisions" in the Wagtail admin: one
block of each kind added through the StreamField's "+" menu, the dictation's recording
chosen in wagtailmedia's chooser, the exercise set for the group in the settings tab,
then published. Léa finds it on the class wall, does it question by question (some
answers right, some wrong) and reads her score; Hugo neither sees it nor reaches it.
The teacher reads the class's results and exports them as CSV; Léa's mother reads her
child's score and opens her result.

Only the data (school, class, people, the recording in the class's collection) is built
with factories; everything else goes through the pages. axe checks Préau's pages (a
question, a result, the results table); the Wagtail admin is Wagtail's to audit.
"""

import csv
import io
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect
from wagtailmedia import get_media_model

from classrooms.models import Level, Membership, PupilGroup
from exercises.models import Attempt, ExercisePage
from tests import factories
from tests.browser.journeys import log_in, new_tab, publish

TONE = Path(__file__).resolve().parents[1] / "fixtures" / "media" / "tone.webm"
CLASS = "CE1 de Mme Durand"
TITLE = "Révisions"
GROUP = "Lecteurs"
AUDIO_TITLE = "Dictée"

INSTRUCTION = "Lis bien chaque question avant de répondre."
MC_PROMPT = "Quel animal est un mammifère ?"
MC_CHOICES = [("La baleine", True), ("Le requin", False), ("La truite", False)]
BLANKS_PROMPT = "Complète la phrase."
BLANKS_TEXT = "Le chat [mange] la souris, puis les chats [dorment|dort]."
MATCHING_PROMPT = "Associe chaque animal à son petit."
PAIRS = [("La vache", "le veau"), ("La poule", "le poussin"), ("La chèvre", "le chevreau")]
ORDERING_PROMPT = "Range les jours dans l’ordre."
ITEMS = ["lundi", "mardi", "mercredi"]
SHORT_PROMPT = "Quelle est la capitale de la France ?"
SHORT_ANSWER = "Paris"
DRILL_PROMPT = "Calcule de tête."
DICTATION_PROMPT = "Écoute puis écris la phrase."
DICTATION_TEXT = "Les enfants jouent dans la cour."


@pytest.fixture
def exercise_class(django_db_serialized_rollback, settings, tmp_path):
    """A CE1 class with its teacher, two pupils, a parent of the first, and a recording
    of the dictation in the class's collection (in a temporary MEDIA_ROOT)."""
    settings.MEDIA_ROOT = str(tmp_path)
    school = factories.SchoolPageFactory(parent=factories.portal(), title="École des Tilleuls")
    classroom = factories.ClassroomPageFactory(parent=school, title=CLASS, level=Level.CE1)
    people = SimpleNamespace(
        classroom=classroom,
        teacher=factories.UserFactory(
            username="claire.durand", first_name="Claire", last_name="Durand"
        ),
        reader=factories.UserFactory(username="lea.martin", first_name="Léa", last_name="Martin"),
        other=factories.UserFactory(
            username="hugo.bernard", first_name="Hugo", last_name="Bernard"
        ),
        parent=factories.UserFactory(
            username="sophie.martin", first_name="Sophie", last_name="Martin"
        ),
    )
    factories.MembershipFactory(
        user=people.teacher, classroom=classroom, role=Membership.Role.TEACHER
    )
    for pupil in (people.reader, people.other):
        factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    factories.GuardianshipFactory(parent=people.parent, child=people.reader)
    classroom.refresh_from_db()
    media = get_media_model()(title=AUDIO_TITLE, type="audio", collection=classroom.collection)
    media.file.save("dictee.webm", ContentFile(TONE.read_bytes()))
    people.media = media
    return people


# --- The Wagtail admin's StreamField -----------------------------------------------------
# Blocks are chosen by their labels in the "+" menu, as a teacher does; their fields are
# then found by the names Wagtail gives them (body-<n>-value-<field>).


def add_block(tab, label):
    """Add a block at the end of the body through the stream's last "+"; its field prefix."""
    index = int(tab.locator("input[name=body-count]").input_value())
    body = tab.locator("[data-contentpath=body]")
    body.locator("button.c-sf-add-button[aria-expanded]").last.click()
    tab.locator("[role=option]", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")).first.click()
    expect(tab.locator(f"input[name=body-{index}-type]")).to_have_count(1)
    return f"body-{index}-value"


def list_item(tab, prefix, field, number):
    """The prefix of item `number` of a list field, adding items up to it as needed."""
    count = tab.locator(f"input[name={prefix}-{field}-count]")
    for _click in range(number + 1):
        if int(count.input_value()) > number:
            break
        # The add button after the last item of this list (a nested list has its own).
        block_id = tab.locator(f"input[name='{prefix[: -len('-value')]}-id']").input_value()
        tab.locator(
            f"[data-contentpath='{block_id}'] [data-contentpath={field}] "
            "button[data-streamfield-list-add]"
        ).last.click()
    return f"{prefix}-{field}-{number}-value"


def fill(tab, name, value):
    tab.locator(f"[name='{name}']").fill(value)


def tick(tab, name):
    """Tick a checkbox of a list item Wagtail has just added.

    On a loaded machine the admin's script may still be setting the new item up when the
    click lands, and the box stays unticked (seen in CI): click until it shows ticked,
    a few times at most, then insist.
    """
    box = tab.locator(f"[name='{name}']")
    for _attempt in range(3):
        if box.is_checked():
            break
        box.click()
        try:
            expect(box).to_be_checked(timeout=2_000)
        except AssertionError:
            continue
    expect(box).to_be_checked()


def write_exercise(tab, media_title):
    """One block of each kind, through the "+" menu and each block's own fields."""
    prefix = add_block(tab, "Consigne")
    fill(tab, f"{prefix}-text", INSTRUCTION)

    prefix = add_block(tab, "Choix multiple")
    fill(tab, f"{prefix}-prompt", MC_PROMPT)
    for number, (text, right) in enumerate(MC_CHOICES):
        item = list_item(tab, prefix, "choices", number)
        fill(tab, f"{item}-text", text)
        if right:
            tick(tab, f"{item}-correct")

    prefix = add_block(tab, "Texte à trous")
    fill(tab, f"{prefix}-prompt", BLANKS_PROMPT)
    fill(tab, f"{prefix}-text", BLANKS_TEXT)

    prefix = add_block(tab, "Associer par paires")
    fill(tab, f"{prefix}-prompt", MATCHING_PROMPT)
    for number, (left, right) in enumerate(PAIRS):
        item = list_item(tab, prefix, "pairs", number)
        fill(tab, f"{item}-left", left)
        fill(tab, f"{item}-right", right)

    prefix = add_block(tab, "Remettre dans l’ordre")
    fill(tab, f"{prefix}-prompt", ORDERING_PROMPT)
    for number, text in enumerate(ITEMS):
        fill(tab, list_item(tab, prefix, "items", number), text)

    prefix = add_block(tab, "Réponse courte")
    fill(tab, f"{prefix}-prompt", SHORT_PROMPT)
    fill(tab, f"{prefix}-answers", f"{SHORT_ANSWER}\nParis (75)")

    prefix = add_block(tab, "Calcul mental")
    fill(tab, f"{prefix}-prompt", DRILL_PROMPT)
    tab.locator(f"[name='{prefix}-operation']").select_option("add")
    fill(tab, f"{prefix}-minimum", "1")
    fill(tab, f"{prefix}-maximum", "9")
    fill(tab, f"{prefix}-questions", "3")

    prefix = add_block(tab, "Dictée")
    fill(tab, f"{prefix}-prompt", DICTATION_PROMPT)
    fill(tab, f"{prefix}-text", DICTATION_TEXT)
    block_id = tab.locator(f"input[name='{prefix[: -len('-value')]}-id']").input_value()
    recording = tab.locator(f"[data-contentpath='{block_id}'] [data-contentpath=audio]")
    recording.locator("button.chooser__choose-button").click()
    modal = tab.locator(".modal-dialog")
    modal.get_by_role("link", name=media_title).first.click()
    expect(modal).to_be_hidden()
    expect(recording.locator(".chooser__title")).to_have_text(media_title)


# --- Doing the exercise ------------------------------------------------------------------


def put_in_order(form):
    """The labels are one list: the last one is dragged to the top with the mouse, then
    each is moved with its ↑ button from the keyboard (Enter), as a child with a switch
    would; the list's order is the answer."""
    labels = form.locator("[data-ordering-item]")
    expect(labels).to_have_count(len(ITEMS))
    texts = lambda: [text.strip() for text in form.locator(".ordering__text").all_inner_texts()]  # noqa: E731
    labels.last.drag_to(labels.first, target_position={"x": 10, "y": 2})
    for place, text in enumerate(ITEMS):
        while texts().index(text) > place:
            up = form.locator("[data-ordering-item]", has_text=text).locator("[data-ordering-up]")
            up.focus()
            up.press("Enter")
    assert texts() == list(ITEMS)
    expect(form.locator("[data-ordering-status]")).not_to_be_empty()
    assert not form.locator("select").count()  # the fallback went away with the script


def answer_question(tab, kind):
    """Léa’s answers, then "Vérifier ma réponse": all right but the multiple choice."""
    form = tab.locator("form.question-form")
    if kind == "multiple_choice":
        form.get_by_label("Le requin").check()  # wrong: the whale is the mammal
    elif kind == "fill_in_blanks":
        form.get_by_label("Trou 1").fill("mange")
        form.get_by_label("Trou 2").select_option("dorment")
    elif kind == "matching":
        for left, right in PAIRS:
            form.get_by_label(left).select_option(label=right)
    elif kind == "ordering":
        put_in_order(form)
    elif kind == "short_answer":
        form.get_by_role("textbox").fill("  paris ")
    elif kind == "mental_drill":
        for field in form.get_by_role("textbox").all():
            operation = field.evaluate("input => input.labels[0].textContent")
            a, b = re.fullmatch(r"\s*(\d+) \+ (\d+) =\s*", operation).groups()
            field.fill(str(int(a) + int(b)))
    elif kind == "dictation":
        form.get_by_role("textbox").fill(DICTATION_TEXT)
    else:
        raise AssertionError(f"unexpected question kind {kind}")
    form.get_by_role("button", name="Vérifier ma réponse").click()


def test_teacher_sets_an_exercise_for_a_group_pupils_do_it_parents_read_the_score(
    page, browser, live_server, exercise_class, axe_check
):
    people = exercise_class
    classroom = people.classroom
    tabs = []
    try:
        # --- The teacher makes the group "Lecteurs" --------------------------------------
        log_in(page, people.teacher.username)
        page.goto(classroom.url)
        page.get_by_role("link", name="Groupes de la classe").click()
        expect(page).to_have_url(re.compile(rf"/classes/{classroom.pk}/groupes/$"))
        new_group = page.get_by_role("region", name="Un nouveau groupe")
        new_group.get_by_label("Nom du groupe").fill(GROUP)
        new_group.get_by_label("Léa M.").check()
        new_group.get_by_role("button", name="Créer le groupe").click()
        expect(page.get_by_text(f"Le groupe « {GROUP} » est créé.")).to_be_visible()
        group = PupilGroup.objects.get(classroom=classroom)
        assert list(group.pupils.all()) == [people.reader]

        # --- She writes the exercise in the Wagtail admin --------------------------------
        page.goto(f"/admin/pages/{classroom.pk}/")
        page.get_by_role("link", name="Ajouter une sous-page").first.click()
        page.get_by_role("link", name=re.compile(r"^\s*Exercice\s*$")).click()
        expect(page).to_have_url(re.compile(r"/admin/pages/add/exercises/exercisepage/"))
        page.locator("input[name=title]").fill(TITLE)
        write_exercise(page, AUDIO_TITLE)
        page.get_by_role("tab", name="Paramètres").click()
        page.locator("#id_assigned_groups").get_by_label(GROUP).check()
        expect(page.locator("input[name=max_attempts]")).to_have_value("1")
        publish(page)
        exercise = ExercisePage.objects.get(title=TITLE)
        assert exercise.live and exercise.get_parent().pk == classroom.pk
        assert [block.block_type for block in exercise.body] == [
            "instruction",
            "multiple_choice",
            "fill_in_blanks",
            "matching",
            "ordering",
            "short_answer",
            "mental_drill",
            "dictation",
        ]
        assert exercise.body[-1].value["audio"].pk == people.media.pk
        assert list(exercise.assigned_groups.all()) == [group]

        # --- Léa, in the group, does it --------------------------------------------------
        pupil = new_tab(browser, live_server)
        tabs.append(pupil)
        log_in(pupil, people.reader.username)
        expect(pupil.get_by_role("heading", level=1)).to_contain_text(CLASS)
        class_url = pupil.url
        pupil.get_by_role("main").get_by_role("link", name=TITLE).first.click()
        expect(pupil).to_have_url(re.compile(re.escape(exercise.url) + "$"))
        expect(pupil.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(pupil.get_by_text(INSTRUCTION)).to_be_visible()
        pupil.get_by_role("button", name="Commencer").click()
        expect(pupil).to_have_url(re.compile(r"/exercices/essais/\d+/$"))
        attempt_url = pupil.url
        questions = 7
        seen = []
        for number in range(1, questions + 1):
            expect(pupil).to_have_url(attempt_url)
            expect(pupil.get_by_text(f"Question {number} sur {questions}")).to_be_visible()
            fieldset = pupil.locator("form.question-form fieldset.question")
            kind = fieldset.get_attribute("class").split("question--")[1].split()[0]
            kind = kind.replace("-", "_")
            seen.append(kind)
            source = pupil.content()
            # The right answers stay on the server until the question is answered.
            if kind == "short_answer":
                assert SHORT_ANSWER not in source and "Paris (75)" not in source
            if kind == "dictation":
                assert DICTATION_TEXT not in source
                expect(fieldset.locator("audio")).to_have_attribute(
                    "src", re.compile(r"^/media/media/")
                )
            if kind == "fill_in_blanks":
                assert "[mange]" not in source
            if number == 1:
                axe_check(pupil, "exercise-question")
            answer_question(pupil, kind)
        assert sorted(seen) == sorted(
            [
                "multiple_choice",
                "fill_in_blanks",
                "matching",
                "ordering",
                "short_answer",
                "mental_drill",
                "dictation",
            ]
        )
        expect(pupil).to_have_url(re.compile(r"/exercices/essais/\d+/resultat/$"))
        result_url = pupil.url
        expect(pupil.locator(".score")).to_have_text(
            re.compile(r"^\s*Léa M\.\s*:\s*6 points sur 7\s*$")
        )
        axe_check(pupil, "exercise-result")
        attempt = Attempt.objects.get(exercise=exercise)
        assert attempt.pupil == people.reader
        assert (attempt.points, attempt.max_points) == (6, 7)
        # One attempt allowed: the exercise page no longer offers to start.
        pupil.goto(exercise.url)
        expect(pupil.get_by_role("button", name="Commencer")).to_have_count(0)
        expect(pupil.get_by_role("link", name=re.compile(r"Essai du"))).to_be_visible()

        # --- Hugo, not in the group, neither sees nor reaches it -------------------------
        other = new_tab(browser, live_server)
        tabs.append(other)
        log_in(other, people.other.username)
        expect(other).to_have_url(class_url)
        expect(other.get_by_role("heading", level=1)).to_contain_text(CLASS)
        expect(other.get_by_text(TITLE)).to_have_count(0)
        response = other.goto(exercise.url)
        assert response.status == 404
        assert TITLE not in other.content()

        # --- The teacher reads the class's results and exports them ----------------------
        page.goto(exercise.url)
        page.get_by_role("link", name="Résultats de la classe").click()
        expect(page).to_have_url(re.compile(rf"/exercices/{exercise.pk}/resultats/$"))
        row = page.locator("table tbody tr", has=page.get_by_role("rowheader", name="Léa M."))
        expect(row).to_have_count(1)
        expect(row.get_by_role("link", name="6 / 7")).to_be_visible()
        axe_check(page, "exercise-results")
        with page.expect_download() as download_info:
            page.get_by_role("link", name="Exporter en CSV").click()
        download = download_info.value
        assert download.suggested_filename.endswith(".csv")
        data = Path(download.path()).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), data[:20]
        lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
        assert ";".join(lines[0]).startswith("Élève;Essais;Points;Sur"), lines[0]
        assert len(lines[0]) == 5 + questions, lines[0]
        lea = [line for line in lines[1:] if line and line[0] == "Léa M."]
        assert len(lea) == 1, lines
        assert lea[0][1:4] == ["1", "6", "7"], lea[0]
        assert lea[0][5:] == ["0" if kind == "multiple_choice" else "1" for kind in seen]

        # --- Léa's mother reads her score and opens the result ---------------------------
        parent = new_tab(browser, live_server)
        tabs.append(parent)
        log_in(parent, people.parent.username)
        expect(parent).to_have_url(class_url)
        parent.get_by_role("main").get_by_role("link", name=TITLE).first.click()
        expect(parent).to_have_url(re.compile(re.escape(exercise.url) + "$"))
        child = parent.get_by_role("region", name="Léa M.")
        expect(child).to_contain_text("Léa M.")
        expect(child.get_by_role("link", name="6 / 7")).to_be_visible()
        expect(parent.get_by_role("button", name="Commencer")).to_have_count(0)
        child.get_by_role("link", name="6 / 7").click()
        expect(parent).to_have_url(result_url)
        expect(parent.locator(".score")).to_have_text(
            re.compile(r"^\s*Léa M\.\s*:\s*6 points sur 7\s*$")
        )
    finally:
        for tab in tabs:
            tab.context.close()


def test_the_settings_offer_only_the_groups_and_pupils_of_the_class(page, exercise_class):
    """ "Pour ces groupes" and "pour ces élèves" list this class's groups and pupils only:
    not its teacher, not the parents, nobody of another class or school."""
    people = exercise_class
    classroom = people.classroom
    PupilGroup.objects.create(classroom=classroom, name=GROUP).pupils.set([people.reader])
    other_classroom = factories.ClassroomPageFactory(
        parent=classroom.get_parent(), title="CM1 de M. Petit", level=Level.CM1
    )
    stranger = factories.UserFactory(username="tom.petit", first_name="Tom", last_name="Petit")
    factories.MembershipFactory(
        user=stranger, classroom=other_classroom, role=Membership.Role.PUPIL
    )
    PupilGroup.objects.create(classroom=other_classroom, name="Équipe des hiboux")

    log_in(page, people.teacher.username)
    page.goto(f"/admin/pages/{classroom.pk}/")
    page.get_by_role("link", name="Ajouter une sous-page").first.click()
    page.get_by_role("link", name=re.compile(r"^\s*Exercice\s*$")).click()
    page.get_by_role("tab", name="Paramètres").click()
    groups = page.locator("#id_assigned_groups label")
    pupils = page.locator("#id_assigned_pupils label")
    expect(groups.first).to_be_visible()
    # APPLICATION BUG: both fields list every row of their table. ExercisePage's
    # settings_panels use plain FieldPanels (classrooms/models.py), whose querysets are
    # PupilGroup.objects.all() and User.objects.all(): a teacher sees the groups of every
    # class and the names of every account of the platform (here her own, the parent's
    # and a pupil of another class), and may set the exercise for them.
    offered = {
        "groups": sorted(label.strip() for label in groups.all_inner_texts()),
        "pupils": sorted(label.strip() for label in pupils.all_inner_texts()),
    }
    assert offered == {"groups": [GROUP], "pupils": ["Hugo B.", "Léa M."]}, offered
