"""The work plan on the class wall: hidden from pupils it is not for and from parents
none of whose children it is for (no query per card), showing a pupil of the plan how
far along they are ("2 of 5", three queries for every plan card at once), and the
teacher's "new" button."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from classrooms import assigned
from classrooms.models import Membership
from classrooms.person import person_of

from . import rules
from .models import WorkPlanPage, WorkPlanTask
from .plan import adjustments_of, ticks_of
from .tasks import tasks_for

NEW_LABEL = _("Make a work plan")


def wall_annotations():
    """For whom each plan is set, read by the wall's own query (classrooms.assigned)."""
    return assigned.wall_annotations(WorkPlanPage, "workplans")


def prepare_cards(plans, request):
    """Hide the plans set for others from a pupil of the class, and from a parent (not
    staff of the class) none of whose children in the class they are set for: no query
    (the person is read once per request, the plan's audience by the wall's query)."""
    user = request.user
    person = person_of(user)
    pupil_of = {
        place.page.path for place in person.memberships if place.role == Membership.Role.PUPIL
    }
    children_by_class = {}
    for child, place in person.children_classes:
        children_by_class.setdefault(place.page.path, (place.page, []))[1].append(child)
    mine = []
    for plan in plans:
        class_path = plan.path[: -Page.steplen]
        in_class = class_path in pupil_of
        readers = [user] if in_class else []
        classroom, children = children_by_class.get(class_path, (None, []))
        if children and not rules.is_staff(user, classroom):
            readers += children
        if readers:
            plan.card_hidden = not any(
                assigned.is_set_for_annotated(plan, reader, "workplans") for reader in readers
            )
        else:
            plan.card_hidden = False
        if in_class and assigned.is_set_for_annotated(plan, user, "workplans"):
            mine.append(plan)
    if mine:
        show_progress(mine, user)


def show_progress(plans, pupil):
    """Each plan's card says how many of the pupil's tasks they ticked (rendered for them)."""
    tasks = {}
    for task in WorkPlanTask.objects.filter(plan__in=[plan.pk for plan in plans]).order_by(
        "sort_order", "pk"
    ):
        tasks.setdefault(task.plan_id, []).append(task)
    every_task = [task for plan_tasks in tasks.values() for task in plan_tasks]
    adjustments = adjustments_of(every_task)
    ticked = {task_id for task_id, _pupil in ticks_of(every_task, [pupil.pk])}
    for plan in plans:
        theirs = tasks_for(pupil.pk, tasks.get(plan.pk, []), adjustments)
        plan.card_personal = True
        plan.card_total = len(theirs)
        plan.card_done = sum(1 for task in theirs if task.pk in ticked)


def new_url(classroom, user):
    if not rules.may_write(user, classroom):
        return ""
    return reverse("workplans:new", kwargs={"classroom_id": classroom.pk})
