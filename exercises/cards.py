"""The exercises on the class wall: a pupil sees only those set for them."""

from wagtail.models import Page

from classrooms import assigned
from classrooms.models import Membership
from classrooms.person import person_of

from .models import ExercisePage


def wall_annotations():
    """For whom each exercise is set, read by the wall's own query (classrooms.assigned)."""
    return assigned.wall_annotations(ExercisePage, "exercises")


def prepare_cards(exercises, request):
    """Hide from a pupil of the class the exercises set for other groups: no query."""
    user = request.user
    person = person_of(user)
    pupil_of = {
        place.page.path for place in person.memberships if place.role == Membership.Role.PUPIL
    }
    for exercise in exercises:
        in_class = exercise.path[: -Page.steplen] in pupil_of
        exercise.card_hidden = in_class and not assigned.is_set_for_annotated(
            exercise, user, "exercises"
        )
