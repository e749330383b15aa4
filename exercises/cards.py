"""The exercises on the class wall: a pupil sees only those set for them."""

from django.db.models import Exists, OuterRef, Value
from wagtail.models import Page

from classrooms.aggregates import json_rows, rows_of
from classrooms.models import Membership, PupilGroup
from classrooms.person import person_of

from .models import ExercisePage


def wall_annotations():
    """For whom each exercise is set (rules.is_for), read by the wall's own query: the
    pupils it is set for, directly or through one of its groups, the same for every reader."""
    pupils = ExercisePage.assigned_pupils.through.objects.filter(exercisepage_id=OuterRef("pk"))
    groups = ExercisePage.assigned_groups.through.objects.filter(exercisepage_id=OuterRef("pk"))
    group_pupils = PupilGroup.pupils.through.objects.filter(
        pupilgroup__exercises=OuterRef("pk")
    ).annotate(everything=Value(1))
    return {
        "card_for_pupils": Exists(pupils),
        "card_for_groups": Exists(groups),
        "card_pupil_rows": json_rows(pupils, "exercisepage_id", id="user_id"),
        "card_group_pupil_rows": json_rows(group_pupils, "everything", id="user_id"),
    }


def _is_for(exercise, user):
    """rules.is_for(exercise, the person), from the wall's annotations."""
    if not (exercise.card_for_pupils or exercise.card_for_groups):
        return True
    rows = rows_of(exercise.card_pupil_rows) + rows_of(exercise.card_group_pupil_rows)
    return any(row["id"] == user.pk for row in rows)


def prepare_cards(exercises, request):
    """Hide from a pupil of the class the exercises set for other groups: no query."""
    from . import rules

    user = request.user
    person = person_of(user)
    pupil_of = {
        place.page.path for place in person.memberships if place.role == Membership.Role.PUPIL
    }
    for exercise in exercises:
        in_class = exercise.path[: -Page.steplen] in pupil_of
        if not in_class:
            exercise.card_hidden = False
        elif hasattr(exercise, "card_for_pupils"):
            exercise.card_hidden = not _is_for(exercise, user)
        else:
            exercise.card_hidden = not rules.is_for(exercise, user)
