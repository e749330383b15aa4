"""Finding what an address names, for a person allowed to see it; 404 otherwise.

Every view of the app starts here, so that a person outside the class, or a pupil a text
is not theirs, learns nothing, not even that it exists."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from classrooms.views import classroom_or_404

from . import rules
from .models import Draft, Text, WritingAssignmentPage


def number(value) -> int:
    """A posted id as a number (0, which names nothing, when it is not one)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def assignment_or_404(user, assignment_id):
    assignment = get_object_or_404(WritingAssignmentPage, pk=assignment_id)
    classroom = classroom_or_404(user, assignment.get_classroom().pk)
    if not assignment.live and not rules.is_staff(user, classroom):
        raise Http404
    if rules.is_pupil_of(user, classroom) and not rules.is_for(assignment, user):
        raise Http404
    return assignment, classroom


def text_or_404(user, text_id):
    """The text, its assignment and class, for someone who may read the text."""
    text = get_object_or_404(
        Text.objects.select_related("assignment", "topic", "group").prefetch_related("authors"),
        pk=text_id,
    )
    classroom = classroom_or_404(user, text.assignment.get_classroom().pk)
    if not rules.may_read(user, text, classroom):
        raise Http404
    return text, classroom


def draft_or_404(user, text_id, number):
    text, classroom = text_or_404(user, text_id)
    draft = get_object_or_404(Draft, text=text, number=number)
    return text, draft, classroom
