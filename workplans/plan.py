"""What a plan shows: a pupil's tasks in order with their ticks and what is next, and the
class grid (pupils × tasks). Read in a fixed number of queries, whatever the number of
pupils and tasks (tests/workplans/test_queries.py)."""

from dataclasses import dataclass, field

from classrooms.models import class_pupils

from .models import TaskAdjustment, TaskTick
from .tasks import tasks_for


def plan_tasks(plan):
    """The plan's tasks in the suggested order, with their pages (one query)."""
    return list(plan.tasks.select_related("linked_page").order_by("sort_order", "pk"))


def adjustments_of(tasks) -> dict:
    """Task id → {pupil id: kind}, for every task of the plan (one query)."""
    rows = {}
    for task_id, pupil_id, kind in TaskAdjustment.objects.filter(
        task__in=[t.pk for t in tasks]
    ).values_list("task_id", "pupil_id", "kind"):
        rows.setdefault(task_id, {})[pupil_id] = kind
    return rows


def ticks_of(tasks, pupil_ids) -> dict:
    """(task id, pupil id) → tick, for these pupils (one query)."""
    return {
        (tick.task_id, tick.pupil_id): tick
        for tick in TaskTick.objects.filter(
            task__in=[t.pk for t in tasks], pupil__in=list(pupil_ids)
        )
    }


def plan_pupils(plan, classroom):
    """The class's pupils the plan is for, by first name (three queries)."""
    chosen = {p.pk for p in plan.assigned_pupils.all()}
    groups = list(plan.assigned_groups.prefetch_related("pupils"))
    pupils = list(class_pupils(classroom))
    if not chosen and not groups:
        return pupils
    for group in groups:
        chosen |= {p.pk for p in group.pupils.all()}
    return [pupil for pupil in pupils if pupil.pk in chosen]


def link_of(task, request):
    page = task.linked_page
    if page is None or not page.live:
        return ""
    return page.get_url(request)


@dataclass
class Line:
    task: object
    url: str
    tick: object = None
    is_next: bool = False


@dataclass
class PupilPlan:
    pupil: object
    lines: list = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(1 for line in self.lines if line.tick)

    @property
    def total(self) -> int:
        return len(self.lines)

    @property
    def next_line(self):
        return next((line for line in self.lines if line.is_next), None)

    @property
    def finished(self) -> bool:
        return bool(self.lines) and self.done == self.total


def pupil_plans(plan, pupils, request, tasks=None):
    """Each pupil's plan: their tasks in order, ticks, and the first one not done yet."""
    tasks = plan_tasks(plan) if tasks is None else tasks
    adjustments = adjustments_of(tasks)
    ticks = ticks_of(tasks, [p.pk for p in pupils])
    urls = {task.pk: link_of(task, request) for task in tasks}
    plans = []
    for pupil in pupils:
        mine = PupilPlan(pupil)
        for task in tasks_for(pupil.pk, tasks, adjustments):
            mine.lines.append(Line(task, urls[task.pk], ticks.get((task.pk, pupil.pk))))
        pending = next((line for line in mine.lines if not line.tick), None)
        if pending:
            pending.is_next = True
        plans.append(mine)
    return plans


@dataclass
class Cell:
    task: object
    state: str  # "done", "todo" or "out" (not for this pupil)
    only: bool = False  # a task for some pupils only, this one among them


def grid(plan, classroom, request):
    """The class grid: the plan's tasks and, for each pupil, one cell per task."""
    tasks = plan_tasks(plan)
    pupils = plan_pupils(plan, classroom)
    adjustments = adjustments_of(tasks)
    ticks = ticks_of(tasks, [p.pk for p in pupils])
    rows = []
    for pupil in pupils:
        theirs = {task.pk for task in tasks_for(pupil.pk, tasks, adjustments)}
        cells = []
        for task in tasks:
            only = adjustments.get(task.pk, {}).get(pupil.pk) == TaskAdjustment.Kind.ONLY
            if task.pk not in theirs:
                cells.append(Cell(task, "out"))
            elif (task.pk, pupil.pk) in ticks:
                cells.append(Cell(task, "done", only))
            else:
                cells.append(Cell(task, "todo", only))
        done = sum(1 for cell in cells if cell.state == "done")
        rows.append({"pupil": pupil, "cells": cells, "done": done, "total": len(theirs)})
    for task in tasks:
        task.url = link_of(task, request)
    return tasks, rows


def pupil_by_id(pupils, pupil_id):
    return next((p for p in pupils if p.pk == pupil_id), None)
