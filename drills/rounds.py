"""Playing a drill: starting a round, drawing its operations, marking it, moving levels.

Everything a pupil sees of a round is drawn again from its stored spec and seed
(exercises.questions.mental_drill.generate_drill, the exercises' own mental drill), so a
reload shows the same operations and the marking on the server uses the very ones shown.
A round is answered once: a finished round, or one left behind because the pupil's level
changed or a newer round started, is refused.
"""

import random

from django.db import transaction
from django.utils import timezone

from exercises.questions.mental_drill import generate_drill

from . import levels as rules_of_levels
from .models import DrillLevelChange, DrillProgress, DrillRound, Outcome

MAX_ANSWER_LENGTH = 20


def progress_of(drill, pupil) -> DrillProgress:
    """The pupil's place in the drill, at level 1 the first time."""
    progress, _created = DrillProgress.objects.get_or_create(drill=drill, pupil=pupil)
    return progress


def current_level(drill, progress, level_count=None) -> int:
    count = len(drill.ordered_levels()) if level_count is None else level_count
    return rules_of_levels.clamp(progress.level, count)


def start(drill, pupil) -> DrillRound:
    """The pupil's round at their level: the one under way, or a new draw."""
    levels = drill.ordered_levels()
    progress = progress_of(drill, pupil)
    number = current_level(drill, progress, len(levels))
    latest = DrillRound.objects.filter(drill=drill, pupil=pupil).order_by("-started_at", "-pk")
    under_way = latest.first()
    if under_way and under_way.finished_at is None and under_way.level == number:
        return under_way
    level = levels[number - 1]
    return DrillRound.objects.create(
        drill=drill,
        pupil=pupil,
        level=number,
        spec=level.spec(),
        seed=random.SystemRandom().randrange(1, 2**31),
    )


def operations(round_) -> list[dict]:
    """The round's operations as shown, with the answer typed (if any) and the result."""
    typed = list(round_.answers or [])
    drawn = generate_drill(round_.spec, round_.seed)
    rows = []
    for index, (a, operator, b, result) in enumerate(drawn):
        answer = typed[index] if index < len(typed) else ""
        rows.append(
            {
                "key": index,
                "a": a,
                "operator": operator,
                "b": b,
                "result": result,
                "answer": answer,
                "right": _number(answer) == result,
            }
        )
    return rows


def is_current(round_) -> bool:
    """Whether the round may still be answered: unfinished, the pupil's latest, at their level."""
    if round_.finished_at is not None:
        return False
    progress = DrillProgress.objects.filter(drill=round_.drill_id, pupil=round_.pupil_id).first()
    # The level as `start` drew it: clamped, since a teacher may have removed levels.
    if progress is None or current_level(round_.drill, progress) != round_.level:
        return False
    newer = DrillRound.objects.filter(
        drill=round_.drill_id, pupil=round_.pupil_id, started_at__gt=round_.started_at
    )
    return not newer.exists()


def _number(text):
    text = (text or "").strip().replace(" ", "").replace("\u202f", "")
    if not text or len(text) > MAX_ANSWER_LENGTH:
        return None
    try:
        return int(text)
    except ValueError:
        return None


def problems(answers, count) -> list[int]:
    """Indices of answers that are neither empty nor a whole number (to say so to the pupil)."""
    return [
        index
        for index, answer in enumerate(answers[:count])
        if answer.strip() and _number(answer) is None
    ]


def failures_in_a_row(drill, pupil_id, progress) -> int:
    """Failures at the pupil's level since it last changed, counted back from the latest."""
    rounds = DrillRound.objects.filter(
        drill=drill,
        pupil_id=pupil_id,
        level=progress.level,
        finished_at__isnull=False,
        finished_at__gte=progress.updated,
    ).order_by("-finished_at", "-pk")
    count = 0
    for round_ in rounds.only("right", "total"):
        if not rules_of_levels.is_failure(drill, round_.right, round_.total):
            break
        count += 1
    return count


@transaction.atomic
def finish(round_, answers) -> DrillRound:
    """Mark the round, record its outcome and move the pupil's level: once only.

    Raises ValueError when the round may no longer be answered (answered twice, outdated).
    """
    round_ = DrillRound.objects.select_for_update().select_related("drill").get(pk=round_.pk)
    if not is_current(round_):
        raise ValueError("outdated round")
    drill = round_.drill
    drawn = generate_drill(round_.spec, round_.seed)
    typed = [str(answer)[:MAX_ANSWER_LENGTH] for answer in answers[: len(drawn)]]
    typed += [""] * (len(drawn) - len(typed))
    pairs = zip(typed, drawn, strict=True)
    right = sum(_number(answer) == result for answer, (*_ops, result) in pairs)
    progress = DrillProgress.objects.select_for_update().get(drill=drill, pupil=round_.pupil_id)
    level_count = len(drill.ordered_levels())
    level = current_level(drill, progress, level_count)
    failures = failures_in_a_row(drill, round_.pupil_id, progress)
    result = rules_of_levels.outcome(drill, level, level_count, right, len(drawn), failures)
    now = timezone.now()
    round_.answers = typed
    round_.right = right
    round_.total = len(drawn)
    round_.finished_at = now
    round_.outcome = result
    round_.save(update_fields=["answers", "right", "total", "finished_at", "outcome"])
    if result != Outcome.STAY:
        _move(drill, round_.pupil_id, progress, rules_of_levels.next_level(level, result), None)
    return round_


def _move(drill, pupil_id, progress, level, teacher):
    progress.level = level
    progress.set_by = teacher
    progress.updated = timezone.now()
    progress.save(update_fields=["level", "set_by", "updated"])
    DrillLevelChange.objects.create(drill=drill, pupil_id=pupil_id, level=level, set_by=teacher)


@transaction.atomic
def set_level(drill, pupil, level, teacher) -> DrillProgress:
    """A teacher puts a pupil at a level: recorded as theirs, the failures count again."""
    progress = progress_of(drill, pupil)
    progress = DrillProgress.objects.select_for_update().get(pk=progress.pk)
    level = rules_of_levels.clamp(level, len(drill.ordered_levels()))
    _move(drill, pupil.pk, progress, level, teacher)
    return progress
