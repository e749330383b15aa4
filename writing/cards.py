"""The writing workshop in the class space: its wall cards, what waits for the teacher
(drafts handed in), what a pupil has to write or rewrite, and the teacher's "new" button.

Each list is read in one query per class, whatever its number of texts."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Value
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from classrooms.aggregates import json_rows, rows_of
from classrooms.models import Membership, PupilGroup
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
    """For whom each assignment is set (rules.is_for), read by the wall's own query: the
    pupils it is set for, directly or through one of its groups, the same for every reader.
    The wall adds every activity's annotations to one query over all its pages: the names
    are the app's own, never an other activity's ("card_for_pupils" is the exercises')."""
    through = WritingAssignmentPage.assigned_pupils.through
    pupils = through.objects.filter(writingassignmentpage_id=OuterRef("pk"))
    groups = WritingAssignmentPage.assigned_groups.through.objects.filter(
        writingassignmentpage_id=OuterRef("pk")
    )
    group_pupils = PupilGroup.pupils.through.objects.filter(
        pupilgroup__writing_assignments=OuterRef("pk")
    ).annotate(everything=Value(1))
    return {
        "writing_for_pupils": Exists(pupils),
        "writing_for_groups": Exists(groups),
        "writing_pupil_rows": json_rows(pupils, "writingassignmentpage_id", id="user_id"),
        "writing_group_pupil_rows": json_rows(group_pupils, "everything", id="user_id"),
    }


def _is_for(assignment, user) -> bool:
    """rules.is_for(assignment, the person), from the wall's annotations: no query."""
    if not hasattr(assignment, "writing_for_pupils"):
        return rules.is_for(assignment, user)
    if not (assignment.writing_for_pupils or assignment.writing_for_groups):
        return True
    rows = rows_of(assignment.writing_pupil_rows) + rows_of(assignment.writing_group_pupil_rows)
    return any(row["id"] == user.pk for row in rows)


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
        assignment.card_hidden = in_class and not _is_for(assignment, user)


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
