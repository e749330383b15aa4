"""The finished attempts at an exercise, kept until a pupil finishes or restarts one.

The teacher's results table reads every finished attempt of the exercise; it is kept
under the exercise's own version (performance/versions.py), replaced when
an attempt at it is saved or deleted, so that a pupil's answer shows at once.
"""

from performance import versions


def scope(exercise_id) -> str:
    return f"attempts:{exercise_id}"


def scope_of(attempt, **kwargs) -> str | None:
    return scope(attempt.exercise_id) if attempt is not None else None


def attempt_models():
    from .models import Attempt

    return (Attempt,)


def finished_attempts(exercise) -> list:
    """The exercise's finished attempts, oldest first."""
    from .models import Attempt

    def load():
        return list(
            Attempt.objects.filter(exercise=exercise, finished_at__isnull=False).order_by(
                "finished_at"
            )
        )

    return versions.cached(f"finished:{exercise.pk}", (scope(exercise.pk),), load)


def watch() -> None:
    """Called from ExercisesConfig.ready()."""
    versions.watch(scope_of, attempt_models)
