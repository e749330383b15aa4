"""Objects from the address, or 404: the views' one way to their words, classes, schools."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from classrooms.models import ClassroomPage
from pages.models import SchoolPage

from . import rules
from .models import Word, WordConcern


def number(value):
    """An id from the address or a form; anything else is a forged request (404)."""
    try:
        value = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < value < 2**63:
        raise Http404
    return value


def followed_word_or_404(user, word_id):
    word = (
        Word.objects.select_related("author", "school", "classroom", "group")
        .filter(pk=number(word_id))
        .first()
    )
    if word is None or not rules.may_follow(user, word):
        raise Http404
    return word


def parent_word_or_404(user, word_id, child_id):
    """The word and its concern for this child, to one of the child's guardians only."""
    child_id = number(child_id)
    if not rules.is_parent_of(user, child_id):
        raise Http404
    concern = (
        WordConcern.objects.select_related("word", "word__author", "classroom", "child")
        .filter(word_id=number(word_id), child_id=child_id)
        .first()
    )
    if concern is None:
        raise Http404
    return concern.word, concern


def school_to_write_or_404(user, school_id):
    school = get_object_or_404(SchoolPage, pk=number(school_id))
    if not rules.may_write_to_school(user, school):
        raise Http404
    return school


def class_to_write_or_404(user, classroom_id):
    classroom = get_object_or_404(ClassroomPage, pk=number(classroom_id))
    if not rules.may_write_to_class(user, classroom):
        raise Http404
    return classroom
