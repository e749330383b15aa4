"""What a plan's page shows to each person: a pupil their own plan, a parent their
children's (read only), the class's staff a summary with the way to the grid."""

from django.http import Http404
from django.urls import reverse

from classrooms.permissions import works_in_classroom

from . import rules
from .plan import plan_tasks, pupil_plans


def plan_context(request, plan):
    user = request.user
    classroom = plan.get_classroom()
    staff = rules.is_staff(user, classroom)
    is_pupil = rules.is_pupil_of(user, classroom)
    children = rules.children_for(user, plan, classroom)
    if is_pupil and not rules.is_for(plan, user):
        raise Http404
    if not (staff or is_pupil or children):
        raise Http404
    tasks = plan_tasks(plan)
    people = ([user] if is_pupil else []) + list(children)
    plans = pupil_plans(plan, people, request, tasks=tasks) if people else []
    context = {
        "classroom": classroom,
        "staff": staff,
        "may_write": rules.may_write(user, classroom),
        "is_pupil": is_pupil,
        "works_here": is_pupil and works_in_classroom(user, classroom),
        "tasks": tasks,
        "my_plan": plans[0] if is_pupil else None,
        "children_plans": plans[1:] if is_pupil else plans,
    }
    if staff:
        context["grid_url"] = reverse("workplans:grid", kwargs={"plan_id": plan.pk})
    if context["may_write"]:
        context["edit_url"] = reverse("workplans:edit", kwargs={"plan_id": plan.pk})
    return context
