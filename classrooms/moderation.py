"""The class blog's moderation: pupils send their entries, the class's teachers decide.

Built on Wagtail's revisions and workflows so that the front end and the admin show the
same state: every class space is assigned one shared workflow whose only task is a
ClassTeacherApprovalTask (pages/workflows.py). Sending an entry starts (or resumes) that
workflow on its latest revision; a teacher approves it (Wagtail publishes the latest
revision, edits included) or sends it back with a note, which the pupil reads beside
their draft. Teachers publish their own entries directly: they hold publish rights on
their class subtree.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TaskState, WorkflowState

from accounts.people import is_active_person


class EntryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for the teacher")
    NEEDS_CHANGES = "needs_changes", _("To correct")
    PUBLISHED = "published", _("Published")


@dataclass(frozen=True)
class Review:
    """Where an entry stands in moderation, as its authors and teachers see it."""

    status: str
    note: str = ""  # the teacher's note when the entry was sent back

    @property
    def label(self):
        return EntryStatus(self.status).label

    @property
    def awaits_teacher(self):
        return self.status == EntryStatus.SUBMITTED

    @property
    def needs_changes(self):
        return self.status == EntryStatus.NEEDS_CHANGES


def taught_classroom_paths(user) -> tuple[str, ...]:
    """Tree paths of the class spaces this person teaches, read once per request."""
    from .person import person_of

    if not is_active_person(user):
        return ()
    return person_of(user).taught_paths()


def teaches_class_of(user, page) -> bool:
    """Whether the person teaches the class space this page is, or lies in."""
    return any(page.path.startswith(path) for path in taught_classroom_paths(user))


def pages_taught_by(user):
    """Ids, as text like WorkflowState.object_id, of every page in the classes they teach."""
    in_classes = Q(pk__in=[])
    for path in taught_classroom_paths(user):
        in_classes |= Q(path__startswith=path)
    return (
        Page.objects.filter(in_classes)
        .annotate(id_text=Cast("pk", output_field=CharField()))
        .values("id_text")
    )


def page_content_type():
    return ContentType.objects.get_for_model(Page)


def reviews_for(entries) -> dict[int, Review]:
    """The moderation state of each entry, in one query whatever their number."""
    entries = list(entries)
    states = (
        WorkflowState.objects.active()
        .filter(
            base_content_type=page_content_type(),
            object_id__in=[str(entry.pk) for entry in entries],
        )
        .select_related("current_task_state")
    )
    by_page = {int(state.object_id): state for state in states}
    reviews = {}
    for entry in entries:
        state = by_page.get(entry.pk)
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            task_state = state.current_task_state
            reviews[entry.pk] = Review(
                EntryStatus.NEEDS_CHANGES, note=task_state.comment if task_state else ""
            )
        elif state is not None:
            reviews[entry.pk] = Review(EntryStatus.SUBMITTED)
        elif entry.live:
            reviews[entry.pk] = Review(EntryStatus.PUBLISHED)
        else:
            reviews[entry.pk] = Review(EntryStatus.DRAFT)
    return reviews


def review_of(entry) -> Review:
    return reviews_for([entry])[entry.pk]


def awaiting_review(classroom, entry_model):
    """Pages of this class waiting for its teachers, oldest first, in two queries."""
    children = entry_model.objects.child_of(classroom)
    child_ids = children.annotate(id_text=Cast("pk", output_field=CharField())).values("id_text")
    waiting = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=page_content_type(),
        object_id__in=child_ids,
    ).values_list("object_id", flat=True)
    return children.filter(pk__in=[int(object_id) for object_id in waiting]).order_by(
        "latest_revision_created_at"
    )


@transaction.atomic
def submit(entry, user):
    """Send the entry's latest revision to the class's teachers (again, after changes)."""
    state = entry.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    elif state is None:
        entry.get_workflow().start(entry, user)


@transaction.atomic
@transaction.atomic
def withdraw(entry, user):
    """Take a sent entry back before its review: Wagtail cancels its workflow, so the
    class's teachers no longer see it waiting and it is the authors' draft again.

    WorkflowState.cancel is Wagtail's own way (it logs the cancellation and sends
    `workflow_cancelled`); the entry's revisions are kept as they are. The workflow's
    row is locked first, as `approve` does: a teacher approving at the same instant waits
    for the pupil's withdrawal, or the pupil finds the entry already reviewed.
    """
    state = _locked_workflow_state(entry)
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        state.cancel(user=user)


def _locked_workflow_state(entry):
    """The entry's current workflow state, read again under a row lock (PostgreSQL)."""
    state = entry.current_workflow_state
    if state is None:
        return None
    return WorkflowState.objects.select_for_update().filter(pk=state.pk).first()


def _current_task(entry):
    task_state = entry.current_workflow_task_state
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return None, None
    return task_state, task_state.task.specific


@transaction.atomic
def approve(entry, user, comment=""):
    """Approve the entry: Wagtail publishes its latest revision, teacher's edits included."""
    _locked_workflow_state(entry)  # a pupil's withdrawal at the same instant waits, or came first
    task_state, task = _current_task(entry)
    if task is None:
        # Never sent, or sent back and published anyway: no review is left pending.
        if (state := entry.current_workflow_state) is not None:
            state.cancel(user=user)
        entry.get_latest_revision().publish(user=user)
        return
    task.on_action(task_state, user, "approve", comment=comment)


@transaction.atomic
def send_back(entry, user, note):
    """Return the entry to its authors with a note they read beside their draft."""
    task_state, task = _current_task(entry)
    if task is not None:
        task.on_action(task_state, user, "reject", comment=note)


def hide_submit_for_approvers(menu_items, request, context):
    """construct_page_action_menu hook: a class's teachers publish, they do not submit.

    In a class space the only reviewers are the class's teachers: their own "Submit"
    would send the page to themselves. Pupils never see the admin.
    """
    page = context.get("page") or context.get("parent_page")
    if page is not None and teaches_class_of(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-submit"]
