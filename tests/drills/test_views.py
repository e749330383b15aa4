"""A drill through its pages: a pupil plays and reads the result, the teacher reads the
class grid and sets a level, a parent reads their child's progress only; bad answers are
shown again with a message, and a round is answered once."""

import re

import pytest
from django.urls import reverse

from drills import rounds
from drills.models import DrillProgress, DrillRound
from tests.drills.drill_factory import right_answers

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def operations_of(page):
    return re.findall(r'<label for="answer-\d+">([^<]*)</label>', page)


def start(client, drills, pupil=None):
    client.force_login(pupil or drills.world.pupil)
    response = client.post(reverse("drills:start", kwargs={"drill_id": drills.drill.pk}))
    assert response.status_code == 302
    return DrillRound.objects.filter(pupil=pupil or drills.world.pupil).latest("started_at")


def test_the_pupil_reads_their_level_and_starts_a_round(client, drills):
    client.force_login(drills.world.pupil)
    page = text(client.get(drills.drill.url))
    assert "Tu es au niveau 1 sur 3" in page and "Commencer une série" in page
    round_ = start(client, drills)
    form = text(client.get(reverse("drills:round", kwargs={"round_id": round_.pk})))
    assert form.count('inputmode="numeric"') == 4
    # A reload shows the same operations.
    again = text(client.get(reverse("drills:round", kwargs={"round_id": round_.pk})))
    assert operations_of(again) == operations_of(form) and len(operations_of(form)) == 4
    assert start(client, drills) == round_


def test_a_right_round_moves_up_and_says_so(client, drills):
    round_ = start(client, drills)
    url = reverse("drills:round", kwargs={"round_id": round_.pk})
    response = client.post(url, {"answers": right_answers(round_)})
    assert response.status_code == 302
    result = text(client.get(url))
    assert "Bravo ! Tu passes au niveau 2." in result and "Retour à ma classe" in result
    assert DrillProgress.objects.get(pupil=drills.world.pupil).level == 2
    assert "Tu es au niveau 2 sur 3" in text(client.get(drills.drill.url))


def test_a_poor_round_says_the_pupil_stays(client, drills):
    round_ = start(client, drills)
    url = reverse("drills:round", kwargs={"round_id": round_.pk})
    client.post(url, {"answers": ["0", "", "", ""]})
    assert "Tu restes au niveau 1." in text(client.get(url))


def test_letters_are_refused_and_the_answers_kept(client, drills):
    round_ = start(client, drills)
    url = reverse("drills:round", kwargs={"round_id": round_.pk})
    response = client.post(url, {"answers": ["12", "douze", "", "3"]})
    assert response.status_code == 400
    page = text(response)
    assert 'value="douze"' in page and 'value="12"' in page and 'aria-invalid="true"' in page
    round_.refresh_from_db()
    assert round_.finished_at is None


def test_a_finished_round_is_not_marked_twice(client, drills):
    round_ = start(client, drills)
    url = reverse("drills:round", kwargs={"round_id": round_.pk})
    client.post(url, {"answers": right_answers(round_)})
    client.post(url, {"answers": right_answers(round_)})
    assert DrillProgress.objects.get(pupil=drills.world.pupil).level == 2
    round_.refresh_from_db()
    assert round_.right == 4


def test_an_outdated_round_is_refused_with_a_message(client, drills):
    round_ = start(client, drills)
    client.force_login(drills.world.teacher)
    client.post(
        reverse(
            "drills:set_level",
            kwargs={"drill_id": drills.drill.pk, "pupil_id": drills.world.pupil.pk},
        ),
        {"level": "3"},
    )
    client.force_login(drills.world.pupil)
    url = reverse("drills:round", kwargs={"round_id": round_.pk})
    response = client.post(url, {"answers": right_answers(round_)}, follow=True)
    assert "Cette série est terminée" in text(response)
    round_.refresh_from_db()
    assert round_.finished_at is None


def test_another_pupils_round_is_404(client, drills):
    round_ = start(client, drills)
    client.force_login(drills.classmate)
    url = reverse("drills:round", kwargs={"round_id": round_.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"answers": right_answers(round_)}).status_code == 404


def test_the_teacher_sets_a_level_from_the_grid(client, drills):
    client.force_login(drills.world.teacher)
    grid = reverse("drills:grid", kwargs={"drill_id": drills.drill.pk})
    page = text(client.get(grid))
    assert "Noah B." in page and "Léa M." in page
    url = reverse(
        "drills:set_level", kwargs={"drill_id": drills.drill.pk, "pupil_id": drills.classmate.pk}
    )
    assert client.post(url, {"level": "9"}).status_code == 302
    assert not DrillProgress.objects.filter(pupil=drills.classmate).exists()
    client.post(url, {"level": "2"})
    progress = DrillProgress.objects.get(pupil=drills.classmate)
    assert (progress.level, progress.set_by) == (2, drills.world.teacher)
    assert "fixé par l’enseignant" in text(client.get(grid))


@pytest.mark.parametrize("who", ["assistant", "director"])
def test_assistant_and_director_read_the_grid_without_setting(client, drills, who):
    person = drills.assistant if who == "assistant" else drills.world.director
    client.force_login(person)
    grid = text(client.get(reverse("drills:grid", kwargs={"drill_id": drills.drill.pk})))
    assert "Noah B." in grid and 'name="level"' not in grid
    url = reverse(
        "drills:set_level", kwargs={"drill_id": drills.drill.pk, "pupil_id": drills.classmate.pk}
    )
    assert client.post(url, {"level": "2"}).status_code == 404
    assert not DrillProgress.objects.filter(pupil=drills.classmate).exists()


def test_a_parent_reads_their_childs_progress_only(client, drills):
    round_ = start(client, drills)
    client.post(
        reverse("drills:round", kwargs={"round_id": round_.pk}),
        {"answers": right_answers(round_)},
    )
    noah_round = start(client, drills, pupil=drills.classmate)
    client.force_login(drills.world.parent)
    page = text(client.get(drills.drill.url))
    assert "Progrès de Léa" in page and "Niveau 2 sur 3" in page and "4 justes sur 4" in page
    assert "Noah" not in page
    grid = reverse("drills:grid", kwargs={"drill_id": drills.drill.pk})
    assert client.get(grid).status_code == 404
    noah = reverse("drills:round", kwargs={"round_id": noah_round.pk})
    assert client.get(noah).status_code == 404


def test_outsiders_get_404(client, drills):
    client.force_login(drills.world.outsider)
    assert client.get(drills.drill.url).status_code == 404
    start_url = reverse("drills:start", kwargs={"drill_id": drills.drill.pk})
    assert client.post(start_url).status_code == 404


def test_a_timed_level_uses_the_exercises_timer(client, drills):
    rounds.set_level(drills.drill, drills.world.pupil, 3, drills.world.teacher)  # 60 s, 4 ops
    round_ = start(client, drills)
    page = text(client.get(reverse("drills:round", kwargs={"round_id": round_.pk})))
    assert 'data-seconds-per-operation="15"' in page and "js/drill-timer" in page


def test_failures_in_a_row_say_the_pupil_goes_back(client, drills):
    rounds.set_level(drills.drill, drills.world.pupil, 2, drills.world.teacher)
    for _ in range(3):
        round_ = start(client, drills)
        url = reverse("drills:round", kwargs={"round_id": round_.pk})
        client.post(url, {"answers": ["0", "0", "0", "0"]})
    assert "On revient au niveau 1 pour t’entraîner." in text(client.get(url))


def test_answers_sent_twice_at_once_show_the_first_ones_marked(client, drills, monkeypatch):
    """A double tap: the second POST passed the view's check before the first finished;
    `finish` then refuses it, and the pupil is shown the round (no error page)."""
    round_ = start(client, drills)
    url = reverse("drills:round", kwargs={"round_id": round_.pk})

    def finished_meanwhile(round_, answers):
        raise ValueError("outdated round")

    monkeypatch.setattr("drills.rounds.finish", finished_meanwhile)
    response = client.post(url, {"answers": right_answers(round_)})
    assert response.status_code == 302 and response["Location"] == url
