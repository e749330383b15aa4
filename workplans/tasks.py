"""What a task may point to, and which tasks are a pupil's: the plan's shared arithmetic.

A task names a page of the class generically (any live page directly below the class
space: exercises, writing assignments, drills, entries, resources…) so that this app never
imports another activity app. Which tasks are a pupil's is computed in Python from rows
read once for the whole plan (plan.py), never with a query per pupil or per task.
"""

from django.utils.translation import gettext as _
from wagtail.models import Page


def class_pages(classroom):
    """The live pages of the class a task may point to, newest first."""
    return (
        Page.objects.child_of(classroom)
        .live()
        .exclude(content_type__model="workplanpage", content_type__app_label="workplans")
        .select_related("content_type")
        .order_by("-first_published_at", "-pk")
    )


def is_class_page(classroom, page) -> bool:
    return page is not None and class_pages(classroom).filter(pk=page.pk).exists()


def task_problem(classroom, page, text) -> str:
    """Why a task cannot be kept ("" when it can)."""
    if page is None and not (text or "").strip():
        return _("Each task needs a page of the class or a few words.")
    if page is not None and not is_class_page(classroom, page):
        return _("“%(title)s” is not a published page of this class.") % {"title": page.title}
    return ""


def tasks_for(pupil_id, tasks, adjustments):
    """The tasks of the plan that are this pupil's, in order.

    `adjustments` maps a task id to {pupil id: kind}: a task with "only" rows is for those
    pupils only; an "excluded" row leaves it out for that pupil."""
    from .models import TaskAdjustment

    mine = []
    for task in tasks:
        rows = adjustments.get(task.pk, {})
        kind = rows.get(pupil_id)
        if kind == TaskAdjustment.Kind.EXCLUDED:
            continue
        only = any(k == TaskAdjustment.Kind.ONLY for k in rows.values())
        if only and kind != TaskAdjustment.Kind.ONLY:
            continue
        mine.append(task)
    return mine
