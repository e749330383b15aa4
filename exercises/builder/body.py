"""An exercise's body as the builder edits it: its latest revision, saved as a new one.

Every change (an item added, edited, moved or deleted, the settings) is saved as a new
draft revision of the page with Wagtail's `save_revision`, so the admin's history, its
comparison and its "publish" see the same versions; pupils keep doing the published one
until the teacher gives the new one to the class (`publish`). A change written from an
outdated copy (another tab, a colleague, the admin) is refused, as in the blog's editor
(classrooms.editor.check_base_revision), and the view shows the text again.
"""

import json
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from wagtail.blocks import StreamValue

from classrooms.editor import OutdatedRevision, check_base_revision

from ..admin_forms import has_question
from ..models import ExercisePage

__all__ = ["OutdatedRevision", "draft_of", "items_of", "publish", "save_items"]


def draft_of(exercise) -> ExercisePage:
    """The exercise as last saved (a draft newer than the published page included)."""
    return exercise.get_latest_revision_as_object()


def items_of(page) -> list[dict]:
    """The body's blocks in their stored shape: {"type", "value", "id"}."""
    return [dict(block) for block in page.body.raw_data]


def _stream(raw):
    stream_block = ExercisePage.body.field.stream_block
    return StreamValue(
        stream_block, json.loads(json.dumps(raw, cls=DjangoJSONEncoder)), is_lazy=True
    )


@transaction.atomic
def save_items(exercise, user, base_revision_id, change) -> ExercisePage:
    """Apply `change(items) -> items` to the latest revision and save a new revision.

    Raises OutdatedRevision (nothing saved) unless `base_revision_id` is still the
    page's latest revision."""
    check_base_revision(exercise, base_revision_id)
    page = draft_of(exercise)
    page.body = _stream(change(items_of(page)))
    page.save_revision(user=user, log_action=True)
    return page


@transaction.atomic
def save_settings(exercise, user, base_revision_id, apply) -> ExercisePage:
    """`apply(page)` sets the settings on the latest revision, saved as a new one."""
    check_base_revision(exercise, base_revision_id)
    page = draft_of(exercise)
    apply(page)
    page.save_revision(user=user, log_action=True)
    return page


def new_item(kind, value) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def publish(exercise, user) -> bool:
    """Give the latest revision to the class; False, nothing published, if it has no
    question (admin_forms.has_question: the rule of the admin too)."""
    page = draft_of(exercise)
    if not has_question(page.body):
        return False
    exercise.latest_revision.publish(user=user)
    return True
