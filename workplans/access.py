"""Finding what an address names, for a person allowed to see it; 404 otherwise.

Every view of the app starts here, so that a person outside the class, or a pupil a plan
is not for, learns nothing, not even that it exists."""

from django.http import Http404

from classrooms.models import class_pupils
from classrooms.views import classroom_or_404

from . import rules
from .models import WorkPlanPage, WorkPlanTask

__all__ = ["classroom_or_404", "number", "plan_or_404", "pupil_or_404", "task_or_404"]


def number(value) -> int:
    """A posted id as a number (0, which names nothing, when it is not one)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def plan_or_404(user, plan_id):
    """The plan and its class, for a person who may read it."""
    plan = WorkPlanPage.objects.filter(pk=number(plan_id)).first()
    if plan is None:
        raise Http404
    classroom = classroom_or_404(user, plan.get_classroom().pk)
    if not plan.live and not rules.is_staff(user, classroom):
        raise Http404
    if not rules.may_read(user, plan, classroom):
        raise Http404
    return plan, classroom


def task_or_404(user, task_id):
    task = WorkPlanTask.objects.filter(pk=number(task_id)).select_related("plan").first()
    if task is None:
        raise Http404
    plan, classroom = plan_or_404(user, task.plan_id)
    return task, plan, classroom


def pupil_or_404(classroom, pupil_id):
    pupil = class_pupils(classroom).filter(pk=number(pupil_id)).first()
    if pupil is None:
        raise Http404
    return pupil
