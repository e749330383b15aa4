"""The teacher writes and edits a plan in the front end (the Wagtail admin works too).

Both forms save a new revision of the page, so the admin's history shows each change, and
publish it when the plan is live with no unpublished changes (a draft plan, or a draft
pending in the admin, stays a draft: `save_plan`); the edit form starts from the latest
revision and refuses a save from an outdated copy. Tasks keep their ids from one revision
to the next, and with them the pupils' ticks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from classrooms.editor import OutdatedRevision, check_base_revision

from . import rules
from .access import classroom_or_404, plan_or_404
from .forms import EMPTY_ROWS, PlanForm, moved, rows_of, task_formset
from .models import WorkPlanPage, WorkPlanTask

BLANK_ROW = {"task_id": "", "page": "", "text": ""}

OUTDATED = gettext_lazy(
    "The work plan was changed meanwhile (in another tab or by a colleague): your changes "
    "were not saved. What you typed is below; check the plan, then save again."
)


def save_plan(draft, row, user) -> bool:
    """Save `draft` (the plan's latest revision as an object, changed) as a new revision;
    publish it only when `row`, the plan's row, is live with no unpublished changes.
    Whether it was published."""
    publish = row.live and not row.has_unpublished_changes
    revision = draft.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return publish


def _tasks_from(formset, existing_ids):
    tasks = []
    for form in formset.forms:
        if form.is_blank:
            continue
        data = form.cleaned_data
        task_id = data.get("task_id") if data.get("task_id") in existing_ids else None
        tasks.append(
            WorkPlanTask(
                pk=task_id,
                linked_page=data["linked_page"],
                text=data["text"],
                sort_order=len(tasks),
            )
        )
    return tasks


def _fill(plan, data):
    plan.title = data["title"]
    plan.starts_on = data["starts_on"]
    plan.ends_on = data["ends_on"]
    plan.introduction = data["introduction"]
    plan.assigned_groups = list(data["groups"])
    plan.assigned_pupils = list(data["pupils"])


def _render(request, classroom, form, formset, plan=None, status=200):
    return render(
        request,
        "workplans/plan_form.html",
        {"classroom": classroom, "form": form, "formset": formset, "plan": plan},
        status=status,
    )


def _edit(request, classroom, plan, initial_plan, initial_rows):
    """The form's round trips, shared by "new" and "edit": moving rows, adding rows,
    checking, and saving through `save(plan_form, formset)` when all is right."""
    if request.method != "POST":
        form = PlanForm(initial=initial_plan, classroom=classroom)
        formset = task_formset(classroom, initial=initial_rows + [BLANK_ROW] * EMPTY_ROWS)
        return _render(request, classroom, form, formset, plan), None, None
    form = PlanForm(request.POST, classroom=classroom)
    formset = task_formset(classroom, data=request.POST)
    if "move" in request.POST or "more" in request.POST:
        rows = rows_of(formset)
        if "move" in request.POST:
            rows = moved(rows, request.POST["move"])
        else:
            rows += [BLANK_ROW] * EMPTY_ROWS
        # Shown again as typed, in the new order; nothing saved yet.
        form.is_valid()
        formset = task_formset(classroom, initial=rows)
        return _render(request, classroom, form, formset, plan), None, None
    if form.is_valid() and formset.is_valid():
        return None, form, formset
    return _render(request, classroom, form, formset, plan, status=400), None, None


@login_required
def plan_new(request, classroom_id):
    """A teacher makes a plan for the class, some groups or some pupils."""
    classroom = classroom_or_404(request.user, classroom_id)
    if not rules.may_write(request.user, classroom):
        raise Http404
    response, form, formset = _edit(request, classroom, None, {}, [])
    if response:
        return response
    with transaction.atomic():
        plan = WorkPlanPage(owner=request.user)
        _fill(plan, form.cleaned_data)
        plan.tasks = _tasks_from(formset, set())
        plan.slug = classroom.free_slug(plan.title, "plan-de-travail")
        classroom.add_child(instance=plan)
        plan.save_revision(user=request.user, log_action=True).publish(user=request.user)
    messages.success(request, _("The work plan is ready: its pupils see it in the class."))
    return redirect(plan.get_url(request))


@login_required
def plan_edit(request, plan_id):
    """A teacher changes a plan: ticks stay with the tasks that are kept."""
    plan, classroom = plan_or_404(request.user, plan_id)
    if not rules.may_write(request.user, classroom):
        raise Http404
    draft = plan.get_latest_revision_as_object()
    tasks = list(draft.tasks.all())
    initial_plan = {
        "title": draft.title,
        "starts_on": draft.starts_on,
        "ends_on": draft.ends_on,
        "introduction": draft.introduction,
        "groups": list(draft.assigned_groups.all()),
        "pupils": list(draft.assigned_pupils.all()),
        "base_revision": plan.latest_revision_id,
    }
    initial_rows = [
        {"task_id": t.pk or "", "page": str(t.linked_page_id or ""), "text": t.text}
        for t in sorted(tasks, key=lambda t: (t.sort_order or 0, t.pk or 0))
    ]
    response, form, formset = _edit(request, classroom, plan, initial_plan, initial_rows)
    if response:
        return response
    try:
        with transaction.atomic():
            check_base_revision(plan, form.cleaned_data.get("base_revision"))
            row = WorkPlanPage.objects.get(pk=plan.pk)
            draft = row.get_latest_revision_as_object()
            _fill(draft, form.cleaned_data)
            kept = {t.pk for t in draft.tasks.all() if t.pk}
            draft.tasks = _tasks_from(formset, kept)
            published = save_plan(draft, row, request.user)
    except OutdatedRevision:
        # Shown again as typed, now based on the latest revision.
        form.add_error(None, OUTDATED)
        form.data = form.data.copy()
        form.data["base_revision"] = WorkPlanPage.objects.get(pk=plan.pk).latest_revision_id
        return _render(request, classroom, form, formset, plan, status=409)
    if published:
        messages.success(request, _("The work plan is saved."))
    else:
        messages.success(
            request,
            _("The work plan is saved as a draft: its pending changes are not published yet."),
        )
    return redirect(plan.get_url(request))
