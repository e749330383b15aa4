"""The rules of moving between levels, apart from any request or database.

A round at or above the drill's success rate moves the pupil up; a round below its
failure rate is a failure, and as many failures in a row as the drill says (counted at
the pupil's level since it last changed) move them down. Never below level 1 nor above
the last level.
"""

from .models import Outcome


def outcome(drill, level, level_count, right, total, failures_before) -> str:
    """UP, DOWN or STAY after a round of `right` out of `total` at `level`.

    `failures_before` is how many failures in a row the pupil had at this level before
    this round.
    """
    percent = 100 * right / total if total else 0
    if percent >= drill.move_up_percent:
        return Outcome.UP if level < level_count else Outcome.STAY
    if percent < drill.move_down_percent and failures_before + 1 >= drill.move_down_after:
        return Outcome.DOWN if level > 1 else Outcome.STAY
    return Outcome.STAY


def is_failure(drill, right, total) -> bool:
    return total > 0 and 100 * right / total < drill.move_down_percent


def next_level(level, result) -> int:
    return level + {Outcome.UP: 1, Outcome.DOWN: -1}.get(result, 0)


def clamp(level, level_count) -> int:
    """A stored level within the drill's levels now (a teacher may have removed some)."""
    return max(1, min(level, max(level_count, 1)))
