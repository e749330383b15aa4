"""The front-end builder (exercises/builder/): a teacher creates an exercise, adds items
with one form per kind, each producing the block's own value; saves are draft revisions,
refused from an outdated copy; an exercise with no question cannot be given to the class;
a recording made in the browser becomes the class's audio Media."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtailmedia.models import Media

from exercises.builder.item_forms import form_for
from exercises.models import ExercisePage

MEDIA = Path(__file__).resolve().parents[1] / "fixtures" / "media"


def create(client, classroom, title="Dictée du lundi"):
    response = client.post(
        reverse("exercises:new", kwargs={"classroom_id": classroom.pk}), {"title": title}
    )
    assert response.status_code == 302
    return ExercisePage.objects.get(title=title)


def add(client, exercise, kind, data, files=None):
    exercise.refresh_from_db()
    url = reverse("exercises:add_item", kwargs={"exercise_id": exercise.pk, "kind": kind})
    return client.post(url, {"base_revision": exercise.latest_revision_id, **data, **(files or {})})


def draft_body(exercise):
    exercise.refresh_from_db()
    return exercise.get_latest_revision_as_object().body


def recording(name="chrome-audio.webm"):
    return SimpleUploadedFile(name, (MEDIA / name).read_bytes(), content_type="audio/webm")


@pytest.fixture
def teacher_client(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.teacher)
    return client


def test_a_teacher_builds_an_exercise_from_the_class_space(teacher_client, world):
    wall = teacher_client.get(world.classroom.url).content.decode()
    new_url = reverse("exercises:new", kwargs={"classroom_id": world.classroom.pk})
    assert new_url in wall and "Construire un exercice" in wall
    exercise = create(teacher_client, world.classroom)
    assert not exercise.live
    builder_url = reverse("exercises:builder", kwargs={"exercise_id": exercise.pk})
    assert builder_url in teacher_client.get(world.classroom.url).content.decode()
    assert add(teacher_client, exercise, "instruction", {"text": "Écoute bien."}).status_code == 302
    response = add(
        teacher_client,
        exercise,
        "short_answer",
        {"prompt": "Capitale ?", "points": "2", "answers": "Paris\nparis"},
    )
    assert response.status_code == 302
    body = draft_body(exercise)
    assert [child.block_type for child in body] == ["instruction", "short_answer"]
    assert body[1].value["points"] == 2 and body[1].value["answers"] == "Paris\nparis"
    # Saved as drafts: the pupils see nothing yet.
    exercise.refresh_from_db()
    assert not exercise.live and exercise.revisions.count() == 3
    page = teacher_client.get(builder_url).content.decode()
    assert "Écoute bien." in page and "Capitale ?" in page


def test_every_kind_of_form_produces_a_valid_block_value(world):
    cases = {
        "instruction": {"text": "Lis."},
        "multiple_choice": {
            "prompt": "Un mammifère ?",
            "points": "1",
            "choice_1": "Le chat",
            "correct_1": "on",
            "choice_2": "La truite",
        },
        "fill_in_blanks": {"prompt": "Complète.", "points": "1", "text": "Le chat [mange]."},
        "matching": {
            "prompt": "Relie.",
            "points": "1",
            "left_1": "chat",
            "right_1": "miaule",
            "left_2": "chien",
            "right_2": "aboie",
        },
        "ordering": {"prompt": "Range.", "points": "1", "items": "un\ndeux\ntrois"},
        "short_answer": {"prompt": "2 + 2 ?", "points": "1", "answers": "4"},
        "mental_drill": {
            "prompt": "Calcule.",
            "points": "1",
            "operation": "add",
            "minimum": "0",
            "maximum": "10",
            "questions": "5",
        },
    }
    for kind, data in cases.items():
        form = form_for(kind, data)
        assert form.is_valid(), (kind, form.errors)
        value = form.block_value()
        block = form.block
        assert block.clean(block.to_python(value)) is not None
    ordering = form_for("ordering", cases["ordering"])
    assert ordering.is_valid() and len(ordering.block_value()["items"]) == 3


def test_the_blocks_own_rules_refuse_a_question_and_keep_the_text(teacher_client, world):
    exercise = create(teacher_client, world.classroom)
    data = {"prompt": "Un mammifère ?", "points": "1", "choice_1": "Le chat", "choice_2": "Lézard"}
    response = add(teacher_client, exercise, "multiple_choice", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Cochez la bonne réponse" in page or "bonne réponse" in page
    assert 'value="Lézard"' in page and "Un mammifère ?" in page
    assert len(draft_body(exercise)) == 0
    response = add(
        teacher_client,
        exercise,
        "fill_in_blanks",
        {"prompt": "C.", "points": "1", "text": "Sans trou."},
    )
    assert response.status_code == 400 and "Sans trou." in response.content.decode()


def test_errors_are_in_english_for_an_english_reader(teacher_client, world):
    exercise = create(teacher_client, world.classroom)
    url = reverse("exercises:add_item", kwargs={"exercise_id": exercise.pk, "kind": "ordering"})
    exercise.refresh_from_db()
    response = teacher_client.post(
        "/en" + url, {"base_revision": exercise.latest_revision_id, "prompt": "", "items": ""}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_a_save_from_an_outdated_copy_is_refused_and_the_text_kept(teacher_client, world):
    exercise = create(teacher_client, world.classroom)
    exercise.refresh_from_db()
    stale = exercise.latest_revision_id
    add(teacher_client, exercise, "instruction", {"text": "Première consigne."})
    url = reverse("exercises:add_item", kwargs={"exercise_id": exercise.pk, "kind": "instruction"})
    response = teacher_client.post(url, {"base_revision": stale, "text": "Ma consigne perdue ?"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Ma consigne perdue ?" in page and "a été modifié entre-temps" in page
    assert [child.value["text"] for child in draft_body(exercise)] == ["Première consigne."]
    # Moving or deleting from an outdated page is refused too.
    item = draft_body(exercise)[0]
    teacher_client.post(
        reverse("exercises:delete_item", kwargs={"exercise_id": exercise.pk, "item_id": item.id}),
        {"base_revision": stale},
    )
    assert len(draft_body(exercise)) == 1


def test_items_are_moved_edited_and_deleted(teacher_client, world):
    exercise = create(teacher_client, world.classroom)
    for text in ("Un", "Deux"):
        add(teacher_client, exercise, "instruction", {"text": text})
    second = draft_body(exercise)[1]
    exercise.refresh_from_db()
    teacher_client.post(
        reverse("exercises:move_item", kwargs={"exercise_id": exercise.pk, "item_id": second.id}),
        {"base_revision": exercise.latest_revision_id, "direction": "up"},
    )
    assert [c.value["text"] for c in draft_body(exercise)] == ["Deux", "Un"]
    exercise.refresh_from_db()
    edit_url = reverse(
        "exercises:edit_item", kwargs={"exercise_id": exercise.pk, "item_id": second.id}
    )
    assert "Deux" in teacher_client.get(edit_url).content.decode()
    teacher_client.post(
        edit_url, {"base_revision": exercise.latest_revision_id, "text": "Deux bis"}
    )
    body = draft_body(exercise)
    assert [c.value["text"] for c in body] == ["Deux bis", "Un"] and body[0].id == second.id
    exercise.refresh_from_db()
    teacher_client.post(
        reverse("exercises:delete_item", kwargs={"exercise_id": exercise.pk, "item_id": second.id}),
        {"base_revision": exercise.latest_revision_id},
    )
    assert [c.value["text"] for c in draft_body(exercise)] == ["Un"]


def test_an_exercise_without_question_cannot_be_given_to_the_class(teacher_client, world):
    exercise = create(teacher_client, world.classroom)
    add(teacher_client, exercise, "instruction", {"text": "Seulement une consigne."})
    exercise.refresh_from_db()
    publish_url = reverse("exercises:publish", kwargs={"exercise_id": exercise.pk})
    response = teacher_client.post(
        publish_url, {"base_revision": exercise.latest_revision_id}, follow=True
    )
    assert "Ajoutez au moins une question" in response.content.decode()
    exercise.refresh_from_db()
    assert not exercise.live
    add(teacher_client, exercise, "short_answer", {"prompt": "2+2", "points": "1", "answers": "4"})
    exercise.refresh_from_db()
    teacher_client.post(publish_url, {"base_revision": exercise.latest_revision_id})
    exercise.refresh_from_db()
    assert exercise.live and [c.block_type for c in exercise.body] == [
        "instruction",
        "short_answer",
    ]


def test_a_recorded_dictation_is_stored_in_the_class_collection(teacher_client, world):
    exercise = create(teacher_client, world.classroom)
    data = {"prompt": "Écris la dictée.", "points": "1", "text": "Le chat dort."}
    # Without a recording, the dictation's own rule asks for one.
    assert add(teacher_client, exercise, "dictation", data).status_code == 400
    response = add(teacher_client, exercise, "dictation", data, {"recording": recording()})
    assert response.status_code == 302
    media = Media.objects.get()
    assert media.collection == world.classroom.collection and media.type == "audio"
    child = draft_body(exercise)[0]
    assert child.value["audio"].pk == media.pk and child.value["text"] == "Le chat dort."
    # A file that is not a recording is refused, with the text kept.
    bad = SimpleUploadedFile("x.webm", b"not audio", content_type="audio/webm")
    response = add(teacher_client, exercise, "instruction", {"text": "Écoute."}, {"recording": bad})
    assert response.status_code == 400 and "Écoute." in response.content.decode()
    assert Media.objects.count() == 1
    # A good recording with a mistake elsewhere is not kept, and the form says so.
    response = add(
        teacher_client, exercise, "dictation", {**data, "text": ""}, {"recording": recording()}
    )
    assert response.status_code == 400 and "Enregistrez-le de nouveau" in response.content.decode()
    assert Media.objects.count() == 1
    # The page that records lets the browser use the microphone.
    add_url = reverse(
        "exercises:add_item", kwargs={"exercise_id": exercise.pk, "kind": "dictation"}
    )
    answer = teacher_client.get(add_url)
    assert "microphone=(self)" in answer["Permissions-Policy"]
    assert "data-recorder" in answer.content.decode()


def test_settings_set_pairs_and_the_preview_records_nothing(teacher_client, world):
    exercise = create(teacher_client, world.classroom)
    add(
        teacher_client,
        exercise,
        "short_answer",
        {"prompt": "Quelle ville ?", "points": "1", "answers": "Paris"},
    )
    exercise.refresh_from_db()
    url = reverse("exercises:settings", kwargs={"exercise_id": exercise.pk})
    response = teacher_client.post(
        url,
        {
            "base_revision": exercise.latest_revision_id,
            "title": "Dictée à deux",
            "in_pairs": "on",
            "max_attempts": "1",
            "correction_timing": "end",
            "pupils": [world.pupil.pk],
        },
    )
    assert response.status_code == 302
    exercise.refresh_from_db()
    page = exercise.get_latest_revision_as_object()
    assert page.in_pairs and page.title == "Dictée à deux"
    assert list(page.assigned_pupils.all()) == [world.pupil]
    # A pupil of another class is not one of the choices.
    exercise.refresh_from_db()
    response = teacher_client.post(
        url,
        {
            "base_revision": exercise.latest_revision_id,
            "title": "Dictée à deux",
            "max_attempts": "1",
            "correction_timing": "end",
            "pupils": [world.other_pupil.pk],
        },
    )
    assert response.status_code == 400
    preview = teacher_client.get(reverse("exercises:preview", kwargs={"exercise_id": exercise.pk}))
    text = preview.content.decode()
    assert "Quelle ville ?" in text and "À faire à deux" in text and "Paris" not in text
    assert "<form" not in text.split("Quelle ville ?")[1].split("Retour")[0]


@pytest.mark.parametrize("who", ["pupil", "parent", "outsider", "other_teacher"])
def test_people_who_may_not_build_get_404(client, world, who):
    from classrooms.models import Membership
    from tests import factories

    exercise = factories.ExercisePageFactory(parent=world.classroom, title="Exo")
    exercise.save_revision()
    if who == "other_teacher":
        person = factories.UserFactory(username="otherteacher")
        factories.MembershipFactory(
            user=person, classroom=world.other_classroom, role=Membership.Role.TEACHER
        )
    else:
        person = getattr(world, who)
    client.force_login(person)
    ids = {"exercise_id": exercise.pk}
    for name, kwargs in [
        ("new", {"classroom_id": world.classroom.pk}),
        ("builder", ids),
        ("add_item", {**ids, "kind": "instruction"}),
        ("settings", ids),
        ("preview", ids),
    ]:
        assert client.get(reverse(f"exercises:{name}", kwargs=kwargs)).status_code == 404, name
    assert client.post(reverse("exercises:publish", kwargs=ids)).status_code == 404


def test_the_builder_page_queries_do_not_grow_with_items(
    teacher_client, world, django_assert_max_num_queries
):
    exercise = create(teacher_client, world.classroom)
    for number in range(12):
        add(
            teacher_client,
            exercise,
            "short_answer",
            {"prompt": f"Q{number}", "points": "1", "answers": "a"},
        )
    url = reverse("exercises:builder", kwargs={"exercise_id": exercise.pk})
    teacher_client.get(url)
    with django_assert_max_num_queries(25):
        assert teacher_client.get(url).status_code == 200
    with django_assert_max_num_queries(25):
        assert (
            teacher_client.get(
                reverse("exercises:preview", kwargs={"exercise_id": exercise.pk})
            ).status_code
            == 200
        )


def test_titles_without_letters_get_a_slug_of_their_own(teacher_client, world):
    """« ??? » or « × ÷ » make no slug: the class names the page « exercice », then
    « exercice-2 », instead of failing on an empty or taken slug."""
    first = create(teacher_client, world.classroom, title="???")
    second = create(teacher_client, world.classroom, title="× ÷")
    assert (first.slug, second.slug) == ("exercice", "exercice-2")
