"""A closed class is read-only for its pupils in every activity, not only on the blog: they
read what they wrote, did and ticked, but start, answer, rewrite or tick nothing more,
even with work left under way when the class closed. The pages say so instead of
offering buttons that would fail (issue 24, "read-only archives")."""

import pytest
from django.urls import reverse

from drills.models import DrillRound
from exercises.models import Attempt
from homework.models import ItemDone
from schoolyear.archives import close_classroom
from tests import factories
from tests.drills.drill_factory import make_drill, right_answers
from tests.exercises.test_flow import make_exercise, short_answer
from tests.workplans.conftest import make_plan
from workplans.models import TaskTick
from writing.models import Text, TextStatus

pytestmark = pytest.mark.django_db

CLOSED = "Cette classe est fermée"


@pytest.fixture
def year_of_work(client, world):
    """Léa's class at the end of the year, with work of every kind, some left under way."""
    room = world.classroom
    work = {
        "assignment": factories.WritingAssignmentPageFactory(parent=room, title="La mare"),
        "second_assignment": factories.WritingAssignmentPageFactory(parent=room, title="Le zoo"),
        "exercise": make_exercise(room, [short_answer(), short_answer("2 + 2 ?", "4")]),
        "drill": make_drill(room),
    }
    for page in work.values():
        page.save_revision().publish()
    diary = factories.HomeworkDiaryPageFactory(parent=room)
    session = factories.HomeworkSessionFactory(classroom=room)
    work["item"] = factories.HomeworkItemFactory(session=session, text="Apprendre la poésie")
    work["plan"] = make_plan(room, tasks=["Lire le chapitre 3"])
    work["diary"] = diary

    client.force_login(world.pupil)
    client.post(reverse("writing:start", kwargs={"assignment_id": work["assignment"].pk}))
    work["text"] = Text.objects.get()
    client.post(reverse("exercises:start", kwargs={"exercise_id": work["exercise"].pk}))
    work["attempt"] = Attempt.objects.get()
    client.post(reverse("drills:start", kwargs={"drill_id": work["drill"].pk}))
    work["round"] = DrillRound.objects.get()
    assert work["text"].status == TextStatus.WRITING and work["attempt"].finished_at is None

    room.save_revision().publish()
    close_classroom(room)
    room.refresh_from_db()
    return work


def test_a_pupil_of_an_archive_starts_and_hands_in_nothing(client, world, year_of_work):
    work = year_of_work
    client.force_login(world.pupil)

    second = reverse("writing:start", kwargs={"assignment_id": work["second_assignment"].pk})
    assert client.post(second).status_code == 404
    text_url = reverse("writing:text", kwargs={"text_id": work["text"].pk})
    text = work["text"]
    handed_in = {
        "title": "Ma mare",
        "body": "Une grenouille.",
        "base_version": text.version,
        "base_body": text.body,
        "action": "hand_in",
    }
    assert client.post(text_url, handed_in).status_code == 404
    assert Text.objects.count() == 1
    work["text"].refresh_from_db()
    assert work["text"].status == TextStatus.WRITING and "grenouille" not in work["text"].body

    exercise = work["exercise"]
    start = reverse("exercises:start", kwargs={"exercise_id": exercise.pk})
    assert client.post(start).status_code == 404 and Attempt.objects.count() == 1
    attempt_url = reverse("exercises:attempt", kwargs={"attempt_id": work["attempt"].pk})
    answered = client.post(attempt_url, {"question": "x", "answer": "Paris"})
    assert answered.url == exercise.url
    work["attempt"].refresh_from_db()
    assert work["attempt"].answers == {} and work["attempt"].finished_at is None

    drill = work["drill"]
    assert client.post(reverse("drills:start", kwargs={"drill_id": drill.pk})).status_code == 404
    round_url = reverse("drills:round", kwargs={"round_id": work["round"].pk})
    played = client.post(round_url, {"answers": right_answers(work["round"])})
    assert played.url == drill.url
    work["round"].refresh_from_db()
    assert work["round"].finished_at is None and DrillRound.objects.count() == 1

    tick = reverse("homework:tick", kwargs={"item_id": work["item"].pk})
    assert client.post(tick, {"done": "1"}).status_code == 404
    assert not ItemDone.objects.exists()
    task = work["plan"].tasks.get()
    plan_tick = reverse("workplans:tick", kwargs={"task_id": task.pk})
    assert client.post(plan_tick, {"done": "1"}).status_code == 404
    assert not TaskTick.objects.exists()


def test_the_pages_say_the_class_is_closed_instead_of_offering_work(client, world, year_of_work):
    work = year_of_work
    client.force_login(world.pupil)
    task = work["plan"].tasks.get()
    pages = {
        "assignment": (
            work["second_assignment"].url,
            reverse("writing:start", kwargs={"assignment_id": work["second_assignment"].pk}),
        ),
        "exercise": (
            work["exercise"].url,
            reverse("exercises:start", kwargs={"exercise_id": work["exercise"].pk}),
        ),
        "drill": (
            work["drill"].url,
            reverse("drills:start", kwargs={"drill_id": work["drill"].pk}),
        ),
        "plan": (work["plan"].url, reverse("workplans:tick", kwargs={"task_id": task.pk})),
    }
    for name, (url, action) in pages.items():
        page = client.get(url)
        assert page.status_code == 200, name
        html = page.content.decode()
        assert CLOSED in html, name
        assert f'action="{action}"' not in html, name
    diary = client.get(work["diary"].url)
    assert diary.status_code == 200
    assert 'class="diary-tick"' not in diary.content.decode()
    # Her text is still hers to read, without the editor.
    text = client.get(reverse("writing:text", kwargs={"text_id": work["text"].pk}))
    assert text.status_code == 200 and 'name="body"' not in text.content.decode()


def test_the_same_pupil_works_on_in_next_year_s_class(client, world, year_of_work):
    """Only the closed class is read-only: her new class takes her work as before."""
    next_year = factories.ClassroomPageFactory(parent=world.school, title="CE1 de Mme Durand")
    factories.MembershipFactory(user=world.pupil, classroom=next_year)
    assignment = factories.WritingAssignmentPageFactory(parent=next_year, title="Mon été")
    assignment.save_revision().publish()
    client.force_login(world.pupil)
    started = client.post(reverse("writing:start", kwargs={"assignment_id": assignment.pk}))
    assert started.status_code == 302
    assert Text.objects.filter(assignment=assignment, authors=world.pupil).exists()
