"""The rules of moving between levels: up after a good round, down after repeated
failures at the same level, never past the first or last level; a teacher's setting
is recorded as theirs and starts the count of failures again."""

import pytest

from drills import rounds
from drills.models import DrillLevelChange, DrillProgress, DrillRound, Outcome
from tests.drills.drill_factory import right_answers

pytestmark = pytest.mark.django_db


def play(drill, pupil, right):
    """A round with `right` answers right out of its four operations."""
    round_ = rounds.start(drill, pupil)
    answers = right_answers(round_)
    answers = answers[:right] + ["99999"] * (len(answers) - right)
    return rounds.finish(round_, answers)


def level_of(drill, pupil):
    return DrillProgress.objects.get(drill=drill, pupil=pupil).level


def test_a_round_at_the_success_rate_moves_up(drills):
    drill, pupil = drills.drill, drills.world.pupil
    done = play(drill, pupil, 4)
    assert (done.right, done.total, done.outcome) == (4, 4, Outcome.UP)
    assert level_of(drill, pupil) == 2
    change = DrillLevelChange.objects.get()
    assert (change.level, change.set_by) == (2, None)


def test_just_below_the_success_rate_stays(drills):
    drill, pupil = drills.drill, drills.world.pupil
    done = play(drill, pupil, 3)  # 75 % < 80 %
    assert done.outcome == Outcome.STAY and level_of(drill, pupil) == 1


def test_never_above_the_last_level(drills):
    drill, pupil = drills.drill, drills.world.pupil
    for _ in range(2):
        play(drill, pupil, 4)
    assert level_of(drill, pupil) == 3
    done = play(drill, pupil, 4)
    assert done.outcome == Outcome.STAY and level_of(drill, pupil) == 3


def test_three_failures_in_a_row_move_down(drills):
    drill, pupil = drills.drill, drills.world.pupil
    play(drill, pupil, 4)
    assert level_of(drill, pupil) == 2
    assert play(drill, pupil, 1).outcome == Outcome.STAY
    assert play(drill, pupil, 0).outcome == Outcome.STAY
    assert play(drill, pupil, 1).outcome == Outcome.DOWN
    assert level_of(drill, pupil) == 1


def test_a_round_between_the_rates_breaks_the_run_of_failures(drills):
    drill, pupil = drills.drill, drills.world.pupil
    play(drill, pupil, 4)
    play(drill, pupil, 0)
    play(drill, pupil, 0)
    assert play(drill, pupil, 2).outcome == Outcome.STAY  # 50 %: not a failure
    play(drill, pupil, 0)
    assert play(drill, pupil, 0).outcome == Outcome.STAY
    assert level_of(drill, pupil) == 2


def test_never_below_level_one(drills):
    drill, pupil = drills.drill, drills.world.pupil
    for _ in range(5):
        assert play(drill, pupil, 0).outcome == Outcome.STAY
    assert level_of(drill, pupil) == 1


def test_the_rules_are_the_drills_own(drills):
    drill, pupil = drills.drill, drills.world.pupil
    drill.move_up_percent, drill.move_down_after = 100, 1
    drill.save_revision().publish()
    drill.refresh_from_db()
    assert play(drill, pupil, 3).outcome == Outcome.STAY
    rounds.set_level(drill, pupil, 2, drills.world.teacher)
    assert play(drill, pupil, 1).outcome == Outcome.DOWN


def test_set_by_the_teacher_is_recorded_and_restarts_the_count(drills):
    drill, pupil, teacher = drills.drill, drills.world.pupil, drills.world.teacher
    rounds.set_level(drill, pupil, 3, teacher)
    progress = DrillProgress.objects.get(drill=drill, pupil=pupil)
    assert (progress.level, progress.set_by) == (3, teacher)
    play(drill, pupil, 0)
    play(drill, pupil, 0)
    rounds.set_level(drill, pupil, 3, teacher)  # failures before it no longer count
    play(drill, pupil, 0)
    assert level_of(drill, pupil) == 3
    assert [c.set_by for c in DrillLevelChange.objects.all()] == [teacher, teacher]
    # Moving by playing forgets who set it.
    play(drill, pupil, 0)
    play(drill, pupil, 0)
    progress.refresh_from_db()
    assert (progress.level, progress.set_by) == (2, None)


def test_a_round_is_drawn_once_and_answered_once(drills):
    drill, pupil = drills.drill, drills.world.pupil
    first = rounds.start(drill, pupil)
    assert rounds.start(drill, pupil) == first  # resumed, not drawn again
    assert rounds.operations(first) == rounds.operations(DrillRound.objects.get(pk=first.pk))
    rounds.finish(first, right_answers(first))
    with pytest.raises(ValueError):
        rounds.finish(first, right_answers(first))
    assert DrillLevelChange.objects.count() == 1


def test_a_round_left_behind_by_a_change_of_level_is_refused(drills):
    drill, pupil = drills.drill, drills.world.pupil
    round_ = rounds.start(drill, pupil)
    rounds.set_level(drill, pupil, 2, drills.world.teacher)
    with pytest.raises(ValueError):
        rounds.finish(round_, right_answers(round_))
    assert rounds.start(drill, pupil).level == 2


def test_a_pupil_above_the_levels_left_plays_the_last_one(drills):
    """At level 3 of 3, the teacher removes the third level: the pupil's next round is at
    level 2 and can be answered (not refused as outdated for ever)."""
    drill, pupil = drills.drill, drills.world.pupil
    play(drill, pupil, 4)
    play(drill, pupil, 4)
    assert level_of(drill, pupil) == 3
    drill.ordered_levels()[-1].delete()
    round_ = rounds.start(drill, pupil)
    assert round_.level == 2 and rounds.is_current(round_)
    done = rounds.finish(round_, right_answers(round_))
    assert done.finished_at is not None
