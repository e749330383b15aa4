"""A class's writing is erased with the class, and a kind of mark in use is never deleted
alone (its marks would lose their meaning)."""

import pytest
from django.db.models import RestrictedError
from wagtail.models import Page

from tests import factories
from writing import legend
from writing.models import Draft, ErrorType, Mark, Text

pytestmark = pytest.mark.django_db


def marked_text(world):
    assignment = factories.WritingAssignmentPageFactory(parent=world.classroom)
    text = Text.objects.create(assignment=assignment, body="Elle mange des mouche.")
    text.authors.set([world.pupil])
    draft = Draft.objects.create(text=text, number=1, body=text.body)
    kind = legend.legend_of(world.classroom)[0]
    start = text.body.index("mouche")
    Mark.objects.create(draft=draft, error_type=kind, start=start, end=start + 6, quote="mouche")
    return kind


def test_deleting_the_class_deletes_its_texts_marks_and_legend(world):
    marked_text(world)

    Page.objects.get(pk=world.classroom.pk).delete()

    assert not Text.objects.exists() and not Mark.objects.exists()
    assert not ErrorType.objects.exists()


def test_a_kind_of_mark_in_use_is_not_deleted_alone(world):
    kind = marked_text(world)

    with pytest.raises(RestrictedError):
        kind.delete()
