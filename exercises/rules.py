"""Who does an exercise, who sees results: the one place where those rules are written.

- An exercise is for the whole class, or for the groups and pupils the teacher chose
  (differentiation); a pupil it is not for does not see it (404, not on the wall).
- A pupil may start while it is open, within the number of attempts (0: unlimited);
  an attempt under way is resumed, never doubled. Once the class is closed (its year's
  archive), nobody starts or answers any more: its pupils read their results.
- Results: the class's staff see everyone's; a pupil their own; a parent their child's.
- Building, previewing and setting an exercise from the front end (exercises/builder/):
  the people who already edit and publish it in the Wagtail admin, that is the class's
  teachers and the school's director (rights derived from their membership and director
  rows), and the portal's administrators. Assistants, pupils and parents get 404.
"""

from django.utils import timezone

from classrooms import assigned
from classrooms.models import Membership
from classrooms.moderation import teaches_class_of
from classrooms.permissions import can_moderate_classroom, works_in_classroom
from classrooms.person import person_of


def classroom_of(exercise):
    return exercise.get_parent().specific


def is_for(exercise, pupil) -> bool:
    """Whether it is set for this pupil (the whole class, or one of theirs)."""
    return assigned.is_set_for(exercise, pupil)


def is_pupil_of(user, classroom) -> bool:
    return user.is_authenticated and person_of(user).is_member(
        classroom, role=Membership.Role.PUPIL
    )


def works_here(user, classroom) -> bool:
    """A pupil of the class who still does its exercises: not in its archive (a closed
    class), whose results they read."""
    return works_in_classroom(user, classroom)


def sees_results_of_class(user, classroom) -> bool:
    return (
        user.is_superuser
        or teaches_class_of(user, classroom)
        or can_moderate_classroom(user, classroom)
    )


def may_see_results_of(user, pupil, classroom) -> bool:
    if user.pk == pupil.pk:
        return True
    if sees_results_of_class(user, classroom):
        return True
    return user.is_authenticated and pupil.pk in person_of(user).children


def may_build(user, classroom) -> bool:
    """Builds, previews and publishes the class's exercises (see the module's docstring)."""
    return user.is_authenticated and (
        user.is_superuser
        or teaches_class_of(user, classroom)
        or can_moderate_classroom(user, classroom)
    )


def is_open(exercise, now=None) -> bool:
    now = now or timezone.now()
    if exercise.opens_at and now < exercise.opens_at:
        return False
    return not (exercise.closes_at and now >= exercise.closes_at)


def attempts_left(exercise, finished_count) -> int | None:
    """How many more attempts the pupil may start (None: unlimited)."""
    if exercise.max_attempts == 0:
        return None
    return max(0, exercise.max_attempts - finished_count)
