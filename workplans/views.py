"""Ticking tasks, the class grid and the teacher's per-pupil adjustments.

A tick is one POST (no JavaScript needed: the page comes back at the task); the grid is
read in a fixed number of queries (plan.py). Every view asks rules.py through access.py:
a person outside gets 404 and nothing changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from pages.templatetags.french import of_name

from . import rules
from .access import number, plan_or_404, pupil_or_404, task_or_404
from .forms import AddTaskForm
from .models import TaskAdjustment, TaskTick, WorkPlanPage, WorkPlanTask
from .plan import adjustments_of, grid, plan_tasks, pupil_plans
from .tasks import tasks_for
from .views_edit import save_plan


def _grid_url(plan, pupil=None):
    url = reverse("workplans:grid", kwargs={"plan_id": plan.pk})
    return f"{url}?eleve={pupil.pk}#eleve" if pupil else url


def _is_theirs(task, pupil, tasks):
    return any(t.pk == task.pk for t in tasks_for(pupil.pk, tasks, adjustments_of(tasks)))


@login_required
@require_POST
def tick(request, task_id):
    """Tick a task done (done=1) or untick it (done=0): a pupil their own, a teacher for
    a pupil (pupil=<id>)."""
    user = request.user
    task, plan, classroom = task_or_404(user, task_id)
    pupil = user
    if request.POST.get("pupil") and number(request.POST["pupil"]) != user.pk:
        pupil = pupil_or_404(classroom, request.POST["pupil"])
    if not rules.may_tick_for(user, pupil, plan, classroom):
        raise Http404
    if not _is_theirs(task, pupil, plan_tasks(plan)):
        raise Http404
    if request.POST.get("done") == "0":
        TaskTick.objects.filter(task=task, pupil=pupil).delete()
    else:
        TaskTick.objects.get_or_create(task=task, pupil=pupil, defaults={"ticked_by": user})
        if pupil == user:
            messages.success(request, pgettext("pupil", "Well done!"))
    if pupil != user:
        return redirect(_grid_url(plan, pupil))
    return redirect(f"{plan.get_url(request)}#tache-{task.pk}")


@login_required
def grid_view(request, plan_id):
    """The class grid: pupils × tasks, and one pupil's plan to adjust (?eleve=<id>)."""
    plan, classroom = plan_or_404(request.user, plan_id)
    if not rules.is_staff(request.user, classroom):
        raise Http404
    return _grid_page(request, plan, classroom, number(request.GET.get("eleve")))


def _grid_page(request, plan, classroom, pupil_id, add_form=None, status=200):
    tasks, rows = grid(plan, classroom, request)
    may_write = rules.may_write(request.user, classroom)
    chosen = None
    pupil = next((row["pupil"] for row in rows if row["pupil"].pk == pupil_id), None)
    if pupil is not None:
        chosen = pupil_plans(plan, [pupil], request, tasks=tasks)[0]
        mine = {line.task.pk for line in chosen.lines}
        chosen.left_out = [task for task in tasks if task.pk not in mine]
        if may_write and add_form is None:
            add_form = AddTaskForm(classroom=classroom)
    return render(
        request,
        "workplans/grid.html",
        {
            "page": plan,
            "plan": plan,
            "classroom": classroom,
            "tasks": tasks,
            "rows": rows,
            "may_write": may_write,
            "chosen": chosen,
            "add_form": add_form if may_write and chosen else None,
        },
        status=status,
    )


def _writable_plan(request, plan_id):
    plan, classroom = plan_or_404(request.user, plan_id)
    if not rules.may_write(request.user, classroom):
        raise Http404
    pupil = pupil_or_404(classroom, request.POST.get("pupil"))
    if not rules.is_for(plan, pupil):
        raise Http404
    return plan, classroom, pupil


@login_required
@require_POST
def adjust(request, plan_id):
    """Leave a task out for a pupil (kind=excluded) or give it back (kind=)."""
    plan, classroom, pupil = _writable_plan(request, plan_id)
    task = WorkPlanTask.objects.filter(plan=plan, pk=number(request.POST.get("task"))).first()
    if task is None:
        raise Http404
    kind = request.POST.get("kind", "")
    only = TaskAdjustment.objects.filter(task=task, kind=TaskAdjustment.Kind.ONLY)
    if kind == TaskAdjustment.Kind.EXCLUDED and only.filter(pupil=pupil).exists():
        with transaction.atomic():
            # The task's "only" rows are locked while counted, so that two teachers
            # leaving out its last two pupils at once cannot both pass the check.
            only_pupils = list(only.select_for_update().values_list("pupil_id", flat=True))
            if only_pupils == [pupil.pk]:
                # Without its last "only" row the task would become everyone's.
                messages.error(
                    request,
                    _("“%(task)s” is for this pupil only: take it out with “Edit the plan”.")
                    % {"task": task.label},
                )
                return redirect(_grid_url(plan, pupil))
            only.filter(pupil=pupil).delete()
    elif kind == TaskAdjustment.Kind.EXCLUDED:
        TaskAdjustment.objects.update_or_create(
            task=task, pupil=pupil, defaults={"kind": TaskAdjustment.Kind.EXCLUDED}
        )
    else:
        TaskAdjustment.objects.filter(
            task=task, pupil=pupil, kind=TaskAdjustment.Kind.EXCLUDED
        ).delete()
        messages.success(
            request,
            _("“%(task)s” is back in the plan %(of_name)s.")
            % {"task": task.label, "of_name": of_name(pupil.first_name)},
        )
        return redirect(_grid_url(plan, pupil))
    messages.success(
        request,
        _("“%(task)s” is no longer in the plan %(of_name)s.")
        % {"task": task.label, "of_name": of_name(pupil.first_name)},
    )
    return redirect(_grid_url(plan, pupil))


@login_required
@require_POST
def add_task(request, plan_id):
    """A task for one pupil only, added at the end of the plan (a new revision)."""
    plan, classroom, pupil = _writable_plan(request, plan_id)
    form = AddTaskForm(request.POST, classroom=classroom)
    if not form.is_valid():
        # Shown again with what was typed and why it cannot be added.
        return _grid_page(request, plan, classroom, pupil.pk, add_form=form, status=400)
    with transaction.atomic():
        row = WorkPlanPage.objects.select_for_update().get(pk=plan.pk)
        last = plan.tasks.order_by("-sort_order").values_list("sort_order", flat=True).first()
        task = WorkPlanTask.objects.create(
            plan=plan,
            linked_page=form.cleaned_data["linked_page"],
            text=form.cleaned_data["text"],
            sort_order=(last or 0) + 1,
        )
        TaskAdjustment.objects.create(task=task, pupil=pupil, kind=TaskAdjustment.Kind.ONLY)
        # The page's history knows the task: the admin's next edit keeps it. Added to the
        # latest revision (a draft pending in the admin keeps its changes), published
        # only when the plan is live with nothing unpublished (save_plan).
        draft = row.get_latest_revision_as_object()
        draft.tasks = [*draft.tasks.all(), task]
        save_plan(draft, row, request.user)
    messages.success(
        request,
        _("“%(task)s” is added for %(name)s only.")
        % {"task": task.label, "name": pupil.first_name},
    )
    return redirect(_grid_url(plan, pupil))
