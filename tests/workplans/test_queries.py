"""A plan's page and the class grid cost the same number of queries with 2 pupils × 3
tasks as with 12 pupils × 13 tasks, for the teacher, a pupil and a parent."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from workplans.models import TaskAdjustment, TaskTick, WorkPlanTask

pytestmark = pytest.mark.django_db


def grow(plan, pupils, tasks):
    start = WorkPlanTask.objects.count()
    for number in range(pupils):
        pupil = factories.UserFactory(username=f"extra{number}", first_name=f"Élève{number}")
        factories.MembershipFactory(user=pupil, classroom=plan.world.classroom)
        plan.group.pupils.add(pupil)
    for number in range(tasks):
        task = WorkPlanTask.objects.create(
            plan=plan.page, text=f"Tâche {start + number}", sort_order=10 + start + number
        )
        TaskTick.objects.create(task=task, pupil=plan.grouped)
        TaskAdjustment.objects.create(
            task=task, pupil=plan.classmate, kind=TaskAdjustment.Kind.EXCLUDED
        )
    for task in plan.tasks:
        TaskTick.objects.get_or_create(task=task, pupil=plan.classmate)


def queries(client, person, url):
    client.force_login(person)
    client.get(url)  # warm the caches every page shares (the person, the site)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["teacher_grid", "teacher", "pupil", "parent"])
def test_the_plan_costs_the_same_with_more_pupils_and_tasks(client, plan, who):
    person = plan.grouped if who == "pupil" else plan.world.parent
    url = plan.page.url
    if who.startswith("teacher"):
        person = plan.world.teacher
    if who == "teacher_grid":
        url = reverse("workplans:grid", kwargs={"plan_id": plan.page.pk}) + (
            f"?eleve={plan.grouped.pk}"
        )
    few = queries(client, person, url)
    grow(plan, pupils=10, tasks=10)
    many = queries(client, person, url)
    assert few == many, (few, many)


def test_the_class_wall_costs_the_same_with_1_or_4_plans(client, plan):
    from .conftest import make_plan

    few = queries(client, plan.grouped, plan.world.classroom.url)
    for number in range(3):
        make_plan(plan.world.classroom, title=f"Plan {number}", tasks=[f"Tâche {number}"])
        grow(plan, pupils=0, tasks=2)
    many = queries(client, plan.grouped, plan.world.classroom.url)
    assert few == many, (few, many)


def test_the_class_wall_costs_a_parent_the_same_with_1_or_4_plans(client, plan):
    from .conftest import make_plan

    few = queries(client, plan.ungrouped_parent, plan.world.classroom.url)
    for number in range(3):
        make_plan(
            plan.world.classroom,
            title=f"Plan {number}",
            pupils=[plan.classmate] if number else [],
            tasks=[f"Tâche {number}"],
        )
    many = queries(client, plan.ungrouped_parent, plan.world.classroom.url)
    assert few == many, (few, many)
