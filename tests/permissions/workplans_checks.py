"""The work plans' cells of the permission matrix (matrix.py WORKPLANS_RULES), each checked
through a real HTTP request against workplans_world.py's objects.

Allowed: 200 showing the object, or 302 with the change made. Refused: anonymous visitors
are sent to log in, everyone else gets 404 with nothing of the object in it, and nothing
is made or changed.
"""

from django.urls import reverse

from workplans.models import TaskAdjustment, TaskTick, WorkPlanTask

from .messaging_checks import assert_refused, shows
from .workplans_world import CLASS_PLAN, CLASS_TASK, GROUP_PLAN, GROUP_TASK


def check_page(client, cell, url, *words):
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        for word in words:
            assert shows(response, word), word
        return
    assert_refused(cell, response, url, *words)


def check_post(client, cell, url, data, made, secret):
    """POST; allowed: 302 and `made()` rows exist (then removed); refused: none."""
    response = client.post(url, data)
    if cell.allowed:
        assert response.status_code == 302 and made().exists(), response.status_code
        made().delete()
        return
    assert not made().exists(), "a refused request changed the plan"
    assert_refused(cell, response, url, secret)


def exercise_workplans_cell(client, world, cell):
    wp = world.workplans
    group = cell.obj == "workplan_group"
    plan_id = wp.group_plan_id if group else wp.class_plan_id
    task_id = wp.group_task_id if group else wp.class_task_id
    title, task_text = (GROUP_PLAN, GROUP_TASK) if group else (CLASS_PLAN, CLASS_TASK)
    pupil_id = wp.classmate_id  # a pupil of both plans, not a role of the matrix
    ticks = TaskTick.objects.filter(task_id=task_id)
    match cell.action:
        case "plan_view":
            check_page(client, cell, wp.group_plan_url if group else wp.class_plan_url, task_text)
        case "plan_tick":
            url = reverse("workplans:tick", kwargs={"task_id": task_id})
            check_post(client, cell, url, {"done": "1"}, lambda: ticks, task_text)
        case "tick_for_pupil":
            url = reverse("workplans:tick", kwargs={"task_id": task_id})
            data = {"done": "1", "pupil": pupil_id}
            check_post(client, cell, url, data, lambda: ticks.filter(pupil_id=pupil_id), task_text)
        case "grid_view":
            url = reverse("workplans:grid", kwargs={"plan_id": plan_id})
            check_page(client, cell, url, task_text)
        case "plan_adjust":
            url = reverse("workplans:adjust", kwargs={"plan_id": plan_id})
            data = {"pupil": pupil_id, "task": task_id, "kind": "excluded"}
            made = TaskAdjustment.objects.filter(task_id=task_id, pupil_id=pupil_id)
            check_post(client, cell, url, data, lambda: made, task_text)
        case "plan_add_task":
            url = reverse("workplans:add_task", kwargs={"plan_id": plan_id})
            data = {"pupil": pupil_id, "text": "Tâche pour une seule personne"}
            made = WorkPlanTask.objects.filter(text=data["text"])
            check_post(client, cell, url, data, lambda: made, task_text)
        case "plan_new":
            url = reverse("workplans:new", kwargs={"classroom_id": wp.classroom_id})
            check_page(client, cell, url, "tasks-TOTAL_FORMS")
        case "plan_edit":
            url = reverse("workplans:edit", kwargs={"plan_id": plan_id})
            check_page(client, cell, url, title, "tasks-TOTAL_FORMS")
        case _:
            raise AssertionError(f"no request for the action {cell.action!r}")
