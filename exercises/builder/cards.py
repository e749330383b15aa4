"""Where the builder shows on the class space: the "new" menu, and the exercises still
being built (or changed since they were given) in the builder's people's drafts."""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import rules
from ..models import ExercisePage

NEW_LABEL = _("Build an exercise")


@dataclass(frozen=True)
class Status:
    label: str
    needs_changes: bool = False
    awaits_teacher: bool = False
    note: str = ""


@dataclass(frozen=True)
class Item:
    draft_title: str
    edit_url: str
    review: Status
    latest_revision_created_at: object = None


def new_url(classroom, user):
    if not rules.may_build(user, classroom):
        return ""
    return reverse("exercises:new", kwargs={"classroom_id": classroom.pk})


def drafts(classroom, user):
    """The class's exercises not given yet, or changed since: one query."""
    if not rules.may_build(user, classroom):
        return []
    pages = (
        ExercisePage.objects.child_of(classroom)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .order_by("-latest_revision_created_at")
    )
    return [
        Item(
            draft_title=page.draft_title,
            edit_url=reverse("exercises:builder", kwargs={"exercise_id": page.pk}),
            review=Status(_("Draft") if not page.live else _("Changes not given yet")),
            latest_revision_created_at=page.latest_revision_created_at,
        )
        for page in pages
    ]
