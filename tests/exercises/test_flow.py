"""Doing an exercise and reading its results, through the pages pupils, teachers and
parents use: one question per screen, marked on the server, resumed after a break."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtailmedia.models import Media

from classrooms.models import PupilGroup
from exercises.models import Attempt, ExercisePage
from tests import factories

pytestmark = pytest.mark.django_db


def short_answer(prompt="Quelle est la capitale de la France ?", answers="Paris", points=1):
    return (
        "short_answer",
        {"prompt": prompt, "answers": answers, "points": points, "accept_missing_accents": False},
    )


def drill():
    return (
        "mental_drill",
        {
            "prompt": "Calcule.",
            "operation": "add",
            "minimum": 1,
            "maximum": 9,
            "questions": 3,
            "points": 3,
        },
    )


def make_exercise(classroom, body, title="Révisions", **settings_fields):
    exercise = factories.ExercisePageFactory(
        parent=classroom, title=title, body=body, **settings_fields
    )
    exercise.save_revision().publish()
    return ExercisePage.objects.get(pk=exercise.pk)


def start(client, exercise):
    return client.post(reverse("exercises:start", kwargs={"exercise_id": exercise.pk}))


def answer_current(client, attempt, **fields):
    url = reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk})
    page = client.get(url)
    question_id = page.context["current"].id
    return client.post(url, {"question": question_id, **fields}), page


def test_a_pupil_does_an_exercise_question_by_question(client, world):
    exercise = make_exercise(
        world.classroom, [short_answer(), short_answer("2 + 2 ?", "4", points=2)]
    )
    client.force_login(world.pupil)
    page = client.get(exercise.url).content.decode()
    assert "Commencer" in page
    response = start(client, exercise)
    attempt = Attempt.objects.get()
    assert response.url == reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk})
    _, first = answer_current(client, attempt, **{"q-text": "paris"})
    html = first.content.decode()
    assert "Question 1 sur 2" in html and "Paris" not in html  # no answer sent
    answer_current(client, attempt, **{"q-text": "5"})
    final = client.get(reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk}))
    attempt.refresh_from_db()
    assert final.url == reverse("exercises:result", kwargs={"attempt_id": attempt.pk})
    assert attempt.finished_at and attempt.points == 1 and attempt.max_points == 3
    result = client.get(final.url).content.decode()
    assert "1 points sur 3" in result and "La bonne réponse" in result and "4" in result
    assert "Réponse donnée : <strong>5</strong>" in result
    # Never only a score: a word for the pupil, and the way back to the class.
    assert "Tu apprends" in result and "Retour à ma classe" in result
    assert f'href="{world.classroom.url}"' in result


def test_an_interrupted_attempt_resumes_where_it_stopped(client, world):
    exercise = make_exercise(world.classroom, [short_answer(), short_answer("Et 3 + 3 ?", "6")])
    client.force_login(world.pupil)
    start(client, exercise)
    attempt = Attempt.objects.get()
    answer_current(client, attempt, **{"q-text": "Paris"})
    # The tab closes; later the pupil comes back to the exercise and goes on.
    assert "Reprendre là où je me suis arrêté" in client.get(exercise.url).content.decode()
    start(client, exercise)
    assert Attempt.objects.count() == 1
    page = client.get(reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk}))
    assert "Question 2 sur 2" in page.content.decode()


def test_the_correction_after_each_question(client, world):
    exercise = make_exercise(world.classroom, [short_answer()], correction_timing="each")
    client.force_login(world.pupil)
    start(client, exercise)
    attempt = Attempt.objects.get()
    response, _page = answer_current(client, attempt, **{"q-text": "Lyon"})
    correction = client.get(response.url).content.decode()
    assert "La bonne réponse" in correction and "Paris" in correction


def test_no_correction_mid_attempt_when_the_teacher_chose_the_end(client, world):
    """Issue 15, item 12: `?correction=<question id>` honours the exercise's setting, and
    nobody reads the right answers of an attempt under way (a parent's account either)."""
    exercise = make_exercise(
        world.classroom,
        [short_answer(), short_answer("Et la capitale de l’Italie ?", "Rome")],
        correction_timing="end",
    )
    client.force_login(world.pupil)
    start(client, exercise)
    attempt = Attempt.objects.get()
    response, first = answer_current(client, attempt, **{"q-text": "Lyon"})
    url = reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk})
    assert response.url == url  # no correction offered
    question_id = first.context["current"].id
    page = client.get(f"{url}?correction={question_id}")
    html = page.content.decode()
    assert page.status_code == 200 and "Question 2 sur 2" in html
    assert "La bonne réponse" not in html and "Paris" not in html and "Rome" not in html
    client.force_login(world.parent)
    result_url = reverse("exercises:result", kwargs={"attempt_id": attempt.pk})
    assert client.get(result_url).status_code == 404
    client.force_login(world.teacher)
    assert client.get(result_url).status_code == 200  # the teacher follows it


def test_attempts_and_dates_are_respected(client, world):
    exercise = make_exercise(world.classroom, [short_answer()], max_attempts=1)
    client.force_login(world.pupil)
    start(client, exercise)
    attempt = Attempt.objects.get()
    answer_current(client, attempt, **{"q-text": "Paris"})
    client.get(reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk}))
    start(client, exercise)
    assert Attempt.objects.count() == 1
    closed = make_exercise(
        world.classroom,
        [short_answer()],
        title="Fermé",
        closes_at=timezone.now() - timezone.timedelta(days=1),
    )
    start(client, closed)
    assert not Attempt.objects.filter(exercise=closed).exists()


def test_an_exercise_for_a_group_is_invisible_to_the_others(client, world):
    classmate = factories.UserFactory(username="hugo", first_name="Hugo")
    factories.MembershipFactory(user=classmate, classroom=world.classroom)
    group = PupilGroup.objects.create(classroom=world.classroom, name="Lecteurs")
    group.pupils.set([world.pupil])
    exercise = factories.ExercisePageFactory(
        parent=world.classroom, title="Pour les lecteurs", body=[short_answer()]
    )
    exercise.assigned_groups.set([group])
    exercise.save_revision().publish()
    exercise = ExercisePage.objects.get(pk=exercise.pk)
    client.force_login(classmate)
    assert "Pour les lecteurs" not in client.get(world.classroom.url).content.decode()
    assert client.get(exercise.url).status_code == 404
    assert start(client, exercise).status_code == 404
    client.force_login(world.pupil)
    assert "Pour les lecteurs" in client.get(world.classroom.url).content.decode()
    assert client.get(exercise.url).status_code == 200


def test_teachers_see_results_export_them_and_comment(client, world):
    exercise = make_exercise(world.classroom, [short_answer(), drill()])
    client.force_login(world.pupil)
    start(client, exercise)
    attempt = Attempt.objects.get()
    answer_current(client, attempt, **{"q-text": "Paris"})
    answer_current(client, attempt, **{"q-results": ["0", "0", "0"]})
    client.get(reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk}))
    client.force_login(world.teacher)
    table = client.get(reverse("exercises:results", kwargs={"exercise_id": exercise.pk}))
    html = table.content.decode()
    assert "Léa M." in html and "1 / 4" in html
    csv = client.get(reverse("exercises:results_csv", kwargs={"exercise_id": exercise.pk}))
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Élève;Essais;Points;Sur")
    assert "Léa M.;1;1;4;" in text
    result_url = reverse("exercises:result", kwargs={"attempt_id": attempt.pk})
    client.post(result_url, {"comment": "Revois les additions."})
    client.force_login(world.parent)
    page = client.get(result_url).content.decode()
    assert "Revois les additions." in page and "1 points sur 4" in page
    assert "Léa M." in client.get(exercise.url).content.decode()


def test_the_results_csv_neutralises_formulas(client, world):
    """Issue 15, item 13: a cell a spreadsheet would run as a formula (=, +, -, @, tab,
    carriage return at its start) is written as text; numbers stay numbers."""
    import csv as csv_module
    import io

    exercise = make_exercise(world.classroom, [short_answer()], title="=1+1 révisions")
    names = ['=HYPERLINK("http://x")', "+33 1", "-2+3", "@SUM(A1)"]
    for number, first_name in enumerate(names):
        pupil = factories.UserFactory(username=f"p{number}", first_name=first_name, last_name="Z")
        factories.MembershipFactory(user=pupil, classroom=world.classroom)
    Attempt.objects.create(
        exercise=exercise,
        pupil=world.pupil,
        seed=1,
        started_at=timezone.now(),
        finished_at=timezone.now(),
        points=-1.5,
        max_points=1,
        answers={},
    )
    client.force_login(world.teacher)
    response = client.get(reverse("exercises:results_csv", kwargs={"exercise_id": exercise.pk}))
    text = io.StringIO(response.content.decode("utf-8-sig"), newline="")
    rows = list(csv_module.reader(text, delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r")]
    pupils = {row[0] for row in rows[1:]}
    assert '\'=HYPERLINK("http://x") Z.' in pupils and "'-2+3 Z." in pupils
    assert "'@SUM(A1) Z." in pupils and "'+33 1 Z." in pupils
    lea = next(row for row in rows if row[0] == "Léa M.")
    assert lea[2] == "-1,5"  # a real negative number stays a number


@pytest.mark.parametrize(
    "value, written",
    [
        ("=1+1", "'=1+1"),
        ("+33", "'+33"),
        ("-A1", "'-A1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("\n=1+1", "'\n=1+1"),
        ("＝1+1", "'＝1+1"),  # the full-width sign some spreadsheets read as "="
        ("Léa M.", "Léa M."),
        ("-1,5", "-1,5"),
        ("-2", "-2"),
        (3, 3),
        ("", ""),
    ],
)
def test_a_spreadsheet_cell_never_starts_a_formula(value, written):
    from exercises.spreadsheet import cell

    assert cell(value) == written


@pytest.mark.parametrize("who", ["pupil", "parent", "other_pupil", "outsider"])
def test_results_are_the_staff_s(client, world, who):
    exercise = make_exercise(world.classroom, [short_answer()])
    client.force_login(getattr(world, who))
    for name in ("results", "results_csv"):
        url = reverse(f"exercises:{name}", kwargs={"exercise_id": exercise.pk})
        assert client.get(url).status_code == 404


def test_a_parent_sees_only_their_own_child_s_results(client, world):
    exercise = make_exercise(world.classroom, [short_answer()])
    classmate = factories.UserFactory(username="hugo", first_name="Hugo")
    factories.MembershipFactory(user=classmate, classroom=world.classroom)
    attempt = Attempt.objects.create(
        exercise=exercise,
        pupil=classmate,
        seed=1,
        finished_at=timezone.now(),
        points=1,
        max_points=1,
    )
    client.force_login(world.parent)
    assert (
        client.get(reverse("exercises:result", kwargs={"attempt_id": attempt.pk})).status_code
        == 404
    )
    url = reverse(
        "exercises:pupil_results",
        kwargs={"classroom_id": world.classroom.pk, "pupil_id": classmate.pk},
    )
    assert client.get(url).status_code == 404
    own = reverse(
        "exercises:pupil_results",
        kwargs={"classroom_id": world.classroom.pk, "pupil_id": world.pupil.pk},
    )
    assert client.get(own).status_code == 200


def test_a_dictation_is_marked_word_by_word(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    media = Media.objects.create(title="Dictée 1", type="audio", file="media/dictee.webm")
    exercise = make_exercise(
        world.classroom,
        [
            (
                "dictation",
                {"prompt": "Écoute.", "audio": media, "text": "Le chat dort.", "points": 3},
            )
        ],
    )
    client.force_login(world.pupil)
    start(client, exercise)
    attempt = Attempt.objects.get()
    _response, page = answer_current(client, attempt, **{"q-text": "le chat dor"})
    assert "Le chat dort" not in page.content.decode()
    client.get(reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk}))
    result = client.get(reverse("exercises:result", kwargs={"attempt_id": attempt.pk}))
    html = result.content.decode()
    assert "Majuscule" in html and "Orthographe" in html and "Ponctuation" in html


def test_the_results_table_does_not_grow_with_pupils(client, world, settings):
    # How the table is built, not what is kept of it: every request builds it afresh.
    settings.PREAU_VERSION_SECONDS = 0
    questions = [short_answer(f"Question {n}", "oui") for n in range(20)]
    exercise = make_exercise(world.classroom, questions)

    def add_pupils(count, start_at):
        for number in range(start_at, start_at + count):
            pupil = factories.UserFactory(username=f"eleve{number}")
            factories.MembershipFactory(user=pupil, classroom=world.classroom)
            Attempt.objects.create(
                exercise=exercise,
                pupil=pupil,
                seed=number,
                finished_at=timezone.now(),
                points=1,
                max_points=20,
                answers={f"x{n}": {"points": 1} for n in range(20)},
            )

    url = reverse("exercises:results", kwargs={"exercise_id": exercise.pk})
    client.force_login(world.teacher)
    add_pupils(3, 0)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    add_pupils(27, 3)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.content.decode().count("<tr>") == 32  # the header, 30 pupils and Léa
    assert len(large) == len(small)


def test_an_embedded_activity_shows_on_the_page_and_is_not_a_question(client, world):
    activity = (
        "activity",
        {
            "prompt": "Trie les animaux.",
            "url": "https://learningapps.org/1653886",
            "title": "Trier les animaux",
            "height": None,
        },
    )
    exercise = make_exercise(world.classroom, [activity, short_answer()])
    client.force_login(world.pupil)
    html = client.get(exercise.url).content.decode()
    assert 'src="https://learningapps.org/watch?app=1653886"' in html
    assert "Préau n’enregistre pas son résultat" in html
    assert "1 question" in html
    start(client, exercise)
    attempt = Attempt.objects.get()
    answer_current(client, attempt, **{"q-text": "Paris"})
    client.get(reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk}))
    attempt.refresh_from_db()
    assert attempt.finished_at and attempt.max_points == 1


def test_an_exercise_without_a_question_is_not_started(client, world):
    """Only instructions: the pupil is told there is nothing to answer yet, and no attempt
    is used up (it used to end at once, "0 out of 0")."""
    exercise = make_exercise(
        world.classroom, [("instruction", {"text": "Lis le texte."})], max_attempts=1
    )
    client.force_login(world.pupil)
    page = client.get(exercise.url).content.decode()
    assert "rien à répondre" in page
    assert reverse("exercises:start", kwargs={"exercise_id": exercise.pk}) not in page
    response = start(client, exercise)
    assert response.status_code == 302 and response["Location"] == exercise.url
    assert not Attempt.objects.exists()


def test_the_admin_refuses_to_publish_an_exercise_without_a_question(client, world):
    from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

    exercise = make_exercise(world.classroom, [short_answer()])
    client.force_login(world.teacher)
    url = f"/admin/pages/{exercise.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(
        nested_form_data({"body": streamfield([("instruction", {"text": "Lis.", "audio": ""})])})
    )
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "no_question" in [e.code for e in response.context["form"].errors.as_data()["body"]]
    assert ExercisePage.objects.get(pk=exercise.pk).body[0].block_type == "short_answer"
    # A draft without a question is kept (the teacher adds questions later).
    del data["action-publish"]
    assert client.post(url, data).status_code == 302
    assert (
        ExercisePage.objects.get(pk=exercise.pk).get_latest_revision_as_object().body[0].block_type
        == "instruction"
    )


def test_pupils_hear_a_spoken_instruction(client, world):
    media = Media.objects.create(
        title="Consigne",
        type="audio",
        file="media/consigne.webm",
        collection=world.classroom.collection,
    )
    exercise = make_exercise(
        world.classroom,
        [("instruction", {"text": "Écoute la consigne.", "audio": media}), short_answer()],
    )
    client.force_login(world.pupil)
    page = client.get(exercise.url).content.decode()
    assert 'src="/media/media/consigne.webm"' in page
    assert "Écouter la consigne" in page


def test_two_pupils_do_a_dictation_in_pairs_and_both_are_credited(client, world):
    """Seed 004: a dictation transcribed in pairs. Léa starts it with Hugo on one tablet;
    both read the result, both have used their attempt, the teacher's table credits both,
    and Hugo's parent sees it; a pupil of another class cannot be chosen."""
    hugo = factories.UserFactory(username="hugo", first_name="Hugo", last_name="Roy")
    factories.MembershipFactory(user=hugo, classroom=world.classroom, role="pupil")
    hugo_parent = factories.UserFactory(username="hugoparent", first_name="Nina")
    factories.GuardianshipFactory(parent=hugo_parent, child=hugo)
    exercise = make_exercise(world.classroom, [short_answer()], max_attempts=1, in_pairs=True)
    client.force_login(world.pupil)
    page = client.get(exercise.url).content.decode()
    assert "À faire à deux" in page
    assert f'<option value="{hugo.pk}">Hugo R.</option>' in page
    assert f'<option value="{world.other_pupil.pk}">' not in page
    start_url = reverse("exercises:start", kwargs={"exercise_id": exercise.pk})
    assert client.post(start_url, {"partner": world.other_pupil.pk}).status_code == 404
    assert client.post(start_url, {"partner": world.pupil.pk}).status_code == 404
    assert not Attempt.objects.exists()
    # "To do in pairs": starting alone is refused with a message, nothing is started.
    refused = client.post(start_url, follow=True).content.decode()
    assert "choisis le camarade avec qui tu le fais" in refused
    assert not Attempt.objects.exists()
    client.post(start_url, {"partner": hugo.pk})
    attempt = Attempt.objects.get()
    assert (attempt.pupil, attempt.partner) == (world.pupil, hugo)
    answer_current(client, attempt, **{"q-text": "Paris"})
    client.get(reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk}))
    result_url = reverse("exercises:result", kwargs={"attempt_id": attempt.pk})
    for person in (hugo, hugo_parent):
        client.force_login(person)
        result = client.get(result_url).content.decode()
        assert "Léa M." in result and "Hugo R." in result and "1 points sur 1" in result
    # Hugo used his attempt with Léa: he cannot start alone again, nor she.
    client.force_login(hugo)
    assert "Tu as utilisé tous tes essais" in client.get(exercise.url).content.decode()
    assert start(client, exercise).status_code == 302
    assert Attempt.objects.count() == 1
    client.force_login(world.teacher)
    table = client.get(reverse("exercises:results", kwargs={"exercise_id": exercise.pk}))
    rows = {row["pupil"].pk: row for row in table.context["rows"]}
    assert rows[hugo.pk]["attempts"] == rows[world.pupil.pk]["attempts"] == 1


def test_an_exercise_not_set_in_pairs_is_done_alone(client, world):
    """Without « À faire à deux », no classmate is offered and a posted one is ignored."""
    hugo = factories.UserFactory(username="hugo", first_name="Hugo", last_name="Roy")
    factories.MembershipFactory(user=hugo, classroom=world.classroom, role="pupil")
    exercise = make_exercise(world.classroom, [short_answer()])
    client.force_login(world.pupil)
    page = client.get(exercise.url).content.decode()
    assert 'name="partner"' not in page and "À faire à deux" not in page
    client.post(
        reverse("exercises:start", kwargs={"exercise_id": exercise.pk}), {"partner": hugo.pk}
    )
    attempt = Attempt.objects.get()
    assert (attempt.pupil, attempt.partner) == (world.pupil, None)
