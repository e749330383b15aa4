"""What an exercise's page shows to each person: start or resume, results, settings."""

from django.contrib.auth import get_user_model
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.urls import reverse

from classrooms.models import Membership
from classrooms.person import person_of

from . import rules
from .attempts import done_by, questions
from .models import Attempt


def exercise_context(request, exercise):
    user = request.user
    classroom = rules.classroom_of(exercise)
    context = {
        "question_count": len(questions(exercise)),
        "is_open": rules.is_open(exercise),
        "staff": rules.sees_results_of_class(user, classroom),
        "pupil_attempts": [],
        "children_attempts": [],
    }
    if context["staff"]:
        context["results_url"] = reverse("exercises:results", kwargs={"exercise_id": exercise.pk})
    if rules.may_build(user, classroom):
        context["build_url"] = reverse("exercises:builder", kwargs={"exercise_id": exercise.pk})
    if rules.is_pupil_of(user, classroom):
        if not rules.is_for(exercise, user):
            raise Http404
        attempts = list(
            Attempt.objects.filter(done_by(user), exercise=exercise).select_related(
                "pupil", "partner"
            )
        )
        finished = [a for a in attempts if a.finished_at]
        left = rules.attempts_left(exercise, len(finished))
        context.update(
            pupil_attempts=finished,
            under_way=next(
                (a for a in attempts if not a.finished_at and a.pupil_id == user.pk), None
            ),
            classmates=classmates_for(exercise, classroom, user) if exercise.in_pairs else [],
            attempts_left=left,
            works_here=rules.works_here(user, classroom),
            may_start=context["is_open"]
            and context["question_count"] > 0
            and (left is None or left > 0),
            start_url=reverse("exercises:start", kwargs={"exercise_id": exercise.pk}),
        )
    # The person's children who are pupils of this class (person.py: no query).
    child_users = person_of(user).children_in(classroom)
    if child_users:
        children = [child.pk for child in child_users]
        attempts = Attempt.objects.filter(
            Q(pupil__in=children) | Q(partner__in=children),
            exercise=exercise,
            finished_at__isnull=False,
        ).order_by("-finished_at")
        by_child = {}
        for attempt in attempts:
            for person in (attempt.pupil_id, attempt.partner_id):
                by_child.setdefault(person, attempt)
        context["children_attempts"] = [(child, by_child.get(child.pk)) for child in child_users]
    return context


def classmates_for(exercise, classroom, user) -> list:
    """The pupils of the class it is set for, but this one: whom they may do it with."""
    prefetch_related_objects([exercise], "assigned_pupils", "assigned_groups__pupils")
    pupils = (
        get_user_model()
        .objects.filter(
            memberships__classroom=classroom,
            memberships__role=Membership.Role.PUPIL,
            is_active=True,
        )
        .exclude(pk=user.pk)
        .order_by("first_name", "last_name")
    )
    return [pupil for pupil in pupils if rules.is_for(exercise, pupil)]
