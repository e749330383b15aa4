"""The exercises on the class wall: a pupil sees only those set for them."""

from django.db.models import Exists, OuterRef
from wagtail.models import Page

from classrooms.models import ExercisePage, Membership
from classrooms.person import person_of


def wall_annotations(request):
    """For whom each exercise is set, read by the wall's own query (rules.is_for)."""
    user = request.user
    me = user.pk if user.is_authenticated else None
    pupils = ExercisePage.assigned_pupils.through.objects.filter(exercisepage_id=OuterRef("pk"))
    groups = ExercisePage.assigned_groups.through.objects.filter(exercisepage_id=OuterRef("pk"))
    return {
        "card_for_pupils": Exists(pupils),
        "card_for_groups": Exists(groups),
        "card_for_me": Exists(pupils.filter(user_id=me)),
        "card_for_my_group": Exists(groups.filter(pupilgroup__pupils=me)),
    }


def _is_for_me(exercise):
    """rules.is_for(exercise, the person), from the wall's annotations."""
    if not (exercise.card_for_pupils or exercise.card_for_groups):
        return True
    return exercise.card_for_me or exercise.card_for_my_group


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
            exercise.card_hidden = not _is_for_me(exercise)
        else:
            exercise.card_hidden = not rules.is_for(exercise, user)
