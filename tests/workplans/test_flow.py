"""Ticking, what is next, per-pupil adjustments and who sees what, through real requests."""

import pytest
from django.urls import reverse

from workplans.models import TaskAdjustment, TaskTick, WorkPlanTask

from .conftest import FREE_TASK

pytestmark = pytest.mark.django_db


def tick_url(task):
    return reverse("workplans:tick", kwargs={"task_id": task.pk})


def grid_url(plan):
    return reverse("workplans:grid", kwargs={"plan_id": plan.page.pk})


def test_a_pupil_sees_their_plan_in_order_with_what_is_next(client, plan):
    client.force_login(plan.grouped)
    response = client.get(plan.page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mon plan de travail" in html
    assert "0 tâche sur 3" in html
    assert html.index("Les additions") < html.index(FREE_TASK) < html.index("Notre sortie")
    assert "Et maintenant" in html
    # The first task's page is linked.
    assert plan.exercise.url in html


def test_ticking_moves_what_is_next_and_the_progress(client, plan):
    client.force_login(plan.grouped)
    first, second, _third = plan.tasks
    response = client.post(tick_url(first), {"done": "1"})
    assert response.status_code == 302
    assert TaskTick.objects.filter(task=first, pupil=plan.grouped).count() == 1
    client.post(tick_url(first), {"done": "1"})  # twice: still one tick
    assert TaskTick.objects.filter(task=first, pupil=plan.grouped).count() == 1
    page = client.get(plan.page.url)
    context = page.context["my_plan"]
    assert context.done == 1 and context.total == 3
    assert context.next_line.task.pk == second.pk
    assert "1 tâche sur 3" in page.content.decode()
    # Unticking gives the task back.
    client.post(tick_url(first), {"done": "0"})
    assert not TaskTick.objects.filter(task=first).exists()
    assert client.get(plan.page.url).context["my_plan"].next_line.task.pk == first.pk


def test_everything_ticked_says_well_done(client, plan):
    client.force_login(plan.grouped)
    for task in plan.tasks:
        client.post(tick_url(task), {"done": "1"})
    response = client.get(plan.page.url)
    assert response.context["my_plan"].finished
    assert "Tout est fait" in response.content.decode()


def test_a_pupil_outside_the_group_gets_404_and_cannot_tick(client, plan):
    client.force_login(plan.ungrouped)
    assert client.get(plan.page.url).status_code == 404
    assert client.post(tick_url(plan.tasks[0]), {"done": "1"}).status_code == 404
    assert client.get(grid_url(plan)).status_code == 404
    assert not TaskTick.objects.exists()
    # and the plan is not on their wall
    assert "Plan de la semaine" not in client.get(plan.world.classroom.url).content.decode()


def test_a_pupil_cannot_tick_for_a_classmate(client, plan):
    client.force_login(plan.grouped)
    response = client.post(tick_url(plan.tasks[0]), {"done": "1", "pupil": plan.classmate.pk})
    assert response.status_code == 404
    assert not TaskTick.objects.exists()


def test_the_teacher_ticks_for_a_pupil_and_reads_the_grid(client, plan):
    client.force_login(plan.world.teacher)
    response = client.post(tick_url(plan.tasks[1]), {"done": "1", "pupil": plan.classmate.pk})
    assert response.status_code == 302
    tick = TaskTick.objects.get()
    assert tick.pupil == plan.classmate and tick.ticked_by == plan.world.teacher
    grid = client.get(grid_url(plan))
    rows = {row["pupil"].pk: row for row in grid.context["rows"]}
    assert set(rows) == {plan.grouped.pk, plan.classmate.pk}  # the group, not Noah
    assert [cell.state for cell in rows[plan.classmate.pk]["cells"]] == ["todo", "done", "todo"]


def test_the_teacher_leaves_a_task_out_for_one_pupil(client, plan):
    client.force_login(plan.world.teacher)
    third = plan.tasks[2]
    data = {"pupil": plan.grouped.pk, "task": third.pk, "kind": "excluded"}
    assert client.post(reverse("workplans:adjust", args=[plan.page.pk]), data).status_code == 302
    grid = client.get(grid_url(plan) + f"?eleve={plan.grouped.pk}")
    rows = {row["pupil"].pk: row for row in grid.context["rows"]}
    assert rows[plan.grouped.pk]["cells"][2].state == "out"
    assert rows[plan.classmate.pk]["cells"][2].state == "todo"
    assert [t.pk for t in grid.context["chosen"].left_out] == [third.pk]
    # The pupil no longer has it and may not tick it.
    client.force_login(plan.grouped)
    assert client.get(plan.page.url).context["my_plan"].total == 2
    assert client.post(tick_url(third), {"done": "1"}).status_code == 404
    # Given back.
    client.force_login(plan.world.teacher)
    data["kind"] = ""
    client.post(reverse("workplans:adjust", args=[plan.page.pk]), data)
    assert not TaskAdjustment.objects.exists()


def test_a_task_for_one_pupil_only(client, plan):
    client.force_login(plan.world.teacher)
    url = reverse("workplans:add_task", args=[plan.page.pk])
    response = client.post(url, {"pupil": plan.classmate.pk, "text": "Fiche de géométrie n° 4"})
    assert response.status_code == 302
    task = WorkPlanTask.objects.get(text="Fiche de géométrie n° 4")
    # Kept in the page's latest revision: the admin's next edit keeps it.
    latest = plan.page.get_latest_revision_as_object()
    assert task.pk in [t.pk for t in latest.tasks.all()]
    client.force_login(plan.classmate)
    assert client.get(plan.page.url).context["my_plan"].total == 4
    client.force_login(plan.grouped)
    assert client.get(plan.page.url).context["my_plan"].total == 3
    assert client.post(tick_url(task), {"done": "1"}).status_code == 404


def test_an_empty_task_for_one_pupil_is_refused_with_a_message(client, plan):
    client.force_login(plan.world.teacher)
    url = reverse("workplans:add_task", args=[plan.page.pk])
    response = client.post(url, {"pupil": plan.classmate.pk, "text": "  "})
    assert response.status_code == 400
    assert "Chaque tâche" in response.content.decode()
    assert WorkPlanTask.objects.count() == 3


def test_the_assistant_and_the_director_read_the_grid_but_do_not_change_it(client, plan):
    for person in (plan.assistant, plan.world.director):
        client.force_login(person)
        assert client.get(grid_url(plan)).status_code == 200
        data = {"pupil": plan.grouped.pk, "task": plan.tasks[0].pk, "kind": "excluded"}
        adjust = reverse("workplans:adjust", args=[plan.page.pk])
        assert client.post(adjust, data).status_code == 404
        response = client.post(tick_url(plan.tasks[0]), {"done": "1", "pupil": plan.grouped.pk})
        assert response.status_code == 404
    assert not TaskAdjustment.objects.exists() and not TaskTick.objects.exists()


def test_a_parent_reads_their_childs_plan_only(client, plan):
    TaskTick.objects.create(task=plan.tasks[0], pupil=plan.grouped)
    TaskTick.objects.create(task=plan.tasks[1], pupil=plan.classmate)
    client.force_login(plan.world.parent)
    response = client.get(plan.page.url)
    html = response.content.decode()
    assert response.status_code == 200
    [child_plan] = response.context["children_plans"]
    assert child_plan.pupil.pk == plan.grouped.pk and child_plan.done == 1
    assert "Hugo" not in html  # never another pupil's
    assert "J’ai fini" not in html  # read only
    assert client.post(tick_url(plan.tasks[1]), {"done": "1"}).status_code == 404
    assert (
        client.post(tick_url(plan.tasks[1]), {"done": "1", "pupil": plan.grouped.pk}).status_code
        == 404
    )
    assert client.get(grid_url(plan)).status_code == 404


def test_a_parent_whose_child_is_not_in_the_plan_gets_404(client, plan):
    client.force_login(plan.ungrouped_parent)
    assert client.get(plan.page.url).status_code == 404


def test_outsiders_get_404(client, plan):
    for person in (plan.world.outsider, plan.world.other_pupil):
        client.force_login(person)
        assert client.get(plan.page.url).status_code == 404
        assert client.get(grid_url(plan)).status_code == 404
        assert client.post(tick_url(plan.tasks[0]), {"done": "1"}).status_code == 404


def test_the_pupils_wall_card_says_how_far_along_they_are(client, plan):
    TaskTick.objects.create(task=plan.tasks[0], pupil=plan.grouped)
    TaskTick.objects.create(task=plan.tasks[1], pupil=plan.classmate)
    client.force_login(plan.grouped)
    wall = client.get(plan.world.classroom.url).content.decode()
    assert "Plan de la semaine" in wall and "1 tâche sur 3" in wall
    client.force_login(plan.world.teacher)
    wall = client.get(plan.world.classroom.url).content.decode()
    assert "Plan de la semaine" in wall and "tâche sur" not in wall


def test_leaving_out_a_task_for_its_only_pupil_never_gives_it_to_everyone(client, plan):
    client.force_login(plan.world.teacher)
    url = reverse("workplans:add_task", args=[plan.page.pk])
    client.post(url, {"pupil": plan.classmate.pk, "text": "Fiche de géométrie n° 4"})
    task = WorkPlanTask.objects.get(text="Fiche de géométrie n° 4")
    data = {"pupil": plan.classmate.pk, "task": task.pk, "kind": "excluded"}
    response = client.post(reverse("workplans:adjust", args=[plan.page.pk]), data, follow=True)
    assert "pour cet élève seulement" in response.content.decode()
    client.force_login(plan.grouped)
    assert client.get(plan.page.url).context["my_plan"].total == 3  # still not Léa's
    client.force_login(plan.classmate)
    assert client.get(plan.page.url).context["my_plan"].total == 4


def test_a_parent_does_not_see_on_the_wall_a_plan_set_for_other_pupils(client, plan):
    from .conftest import make_plan

    make_plan(plan.world.classroom, title="Plan de soutien – Lucas", pupils=[plan.classmate])
    client.force_login(plan.ungrouped_parent)
    wall = client.get(plan.world.classroom.url)
    assert wall.status_code == 200
    assert "Plan de la semaine" not in wall.content.decode()
    assert "Plan de soutien" not in wall.content.decode()
    client.force_login(plan.world.parent)  # Léa's parent: Léa is in the group
    wall = client.get(plan.world.classroom.url).content.decode()
    assert "Plan de la semaine" in wall and "Plan de soutien" not in wall
    client.force_login(plan.world.teacher)
    wall = client.get(plan.world.classroom.url).content.decode()
    assert "Plan de la semaine" in wall and "Plan de soutien" in wall


def test_leaving_out_one_of_two_only_pupils_locks_the_only_rows(client, plan):
    from unittest import mock

    from django.db.models import QuerySet

    client.force_login(plan.world.teacher)
    url = reverse("workplans:add_task", args=[plan.page.pk])
    client.post(url, {"pupil": plan.classmate.pk, "text": "Fiche de géométrie n° 4"})
    task = WorkPlanTask.objects.get(text="Fiche de géométrie n° 4")
    TaskAdjustment.objects.create(task=task, pupil=plan.grouped, kind=TaskAdjustment.Kind.ONLY)
    data = {"pupil": plan.classmate.pk, "task": task.pk, "kind": "excluded"}
    locked = []
    original = QuerySet.select_for_update

    def select_for_update(queryset, *args, **kwargs):
        locked.append(queryset.model)
        return original(queryset, *args, **kwargs)

    with mock.patch.object(QuerySet, "select_for_update", select_for_update):
        response = client.post(reverse("workplans:adjust", args=[plan.page.pk]), data)
    assert response.status_code == 302
    # The check and the delete see the same rows (locked on PostgreSQL; SQLite, where
    # the tests may run, writes one at a time): a concurrent exclusion waits.
    assert TaskAdjustment in locked
    only = TaskAdjustment.objects.filter(task=task, kind=TaskAdjustment.Kind.ONLY)
    assert list(only.values_list("pupil_id", flat=True)) == [plan.grouped.pk]
