"""The writing workshop in the class space: its wall cards, what waits for the teacher
(drafts handed in), what a pupil has to write or rewrite, and the teacher's "new" button.

Each list is read in one query per class, whatever its number of texts."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from classrooms import assigned
from classrooms.models import Membership
from classrooms.person import person_of

from . import rules
from .models import Draft, Text, TextStatus, WritingAssignmentPage


@dataclass(frozen=True)
class Status:
    """Where a pupil's text stands, said like a blog entry's review (the wall's list)."""

    label: str
    needs_changes: bool = False
    awaits_teacher: bool = False
    note: str = ""


@dataclass(frozen=True)
class Item:
    draft_title: str
    url: str
    review: Status | None = None
    latest_revision_created_at: object = None

    @property
    def review_url(self):
        return self.url

    @property
    def edit_url(self):
        return self.url


def wall_annotations():
    """For whom each assignment is set, read by the wall's own query (classrooms.assigned)."""
    return assigned.wall_annotations(WritingAssignmentPage, "writing")


def prepare_cards(assignments, request):
    """Hide from a pupil of the class the assignments set for other pupils or groups."""
    user = request.user
    pupil_of = {
        place.page.path
        for place in person_of(user).memberships
        if place.role == Membership.Role.PUPIL
    }
    for assignment in assignments:
        in_class = assignment.path[: -Page.steplen] in pupil_of
        assignment.card_hidden = in_class and not assigned.is_set_for_annotated(
            assignment, user, "writing"
        )


def _texts_of_class(classroom):
    return Text.objects.filter(assignment__path__startswith=classroom.path, gathered_into=None)


def to_review(classroom, user):
    """The drafts handed in and not given back yet, for whoever marks them."""
    if not rules.is_teacher(user, classroom):
        return []
    waiting = (
        Draft.objects.filter(
            text__in=_texts_of_class(classroom).filter(status=TextStatus.HANDED_IN),
            marked_at=None,
        )
        .select_related("text__assignment")
        .order_by("handed_in_at")
    )
    return [
        Item(
            draft_title=_("%(title)s, draft %(number)d")
            % {"title": draft.text.title or draft.text.assignment.title, "number": draft.number},
            url=reverse("writing:draft", kwargs={"text_id": draft.text_id, "number": draft.number}),
            latest_revision_created_at=draft.handed_in_at,
        )
        for draft in waiting
    ]


STATUS_SHOWN = {
    TextStatus.WRITING: Status(_("To write")),
    TextStatus.TO_REWRITE: Status(_("To rewrite"), needs_changes=True),
    TextStatus.HANDED_IN: Status(_("With your teacher"), awaits_teacher=True),
    TextStatus.READY: Status(_("Ready to publish")),
}


def drafts(classroom, user):
    """The pupil's texts still under way in the class."""
    if not rules.is_pupil_of(user, classroom):
        return []
    texts = (
        _texts_of_class(classroom)
        .filter(authors=user, status__in=list(STATUS_SHOWN))
        .select_related("assignment")
        .order_by("-saved_at", "-pk")
    )
    return [
        Item(
            draft_title=text.title or text.assignment.title,
            url=reverse("writing:text", kwargs={"text_id": text.pk}),
            review=STATUS_SHOWN[text.status],
        )
        for text in texts
    ]


def new_url(classroom, user):
    if not rules.may_set(user, classroom):
        return ""
    return reverse("writing:assignment_new", kwargs={"classroom_id": classroom.pk})
