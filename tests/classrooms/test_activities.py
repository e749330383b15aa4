"""The activity registry decides what a class space may hold."""

import pytest
from django.db import models
from wagtail.models import Page

from classrooms import activities
from classrooms.models import BlogEntryPage, ClassroomPage
from exercises.models import ExercisePage


def test_every_class_activity_is_registered():
    labels = {activity.model_label for activity in activities.registered()}
    assert labels == {
        "classrooms.BlogEntryPage",
        "exercises.ExercisePage",
        "writing.WritingAssignmentPage",
        "homework.HomeworkDiaryPage",
        "workplans.WorkPlanPage",
        "drills.DrillPage",
        "library.ClassResourcePage",
    }
    assert activities.for_model(BlogEntryPage).icon == "pencil"


@pytest.fixture
def extra_activity():
    """A registered activity from another app, removed again after the test."""
    activity = activities.Activity("wagtailcore.Page", icon="speaker")
    activities.register(activity)
    yield activity
    activities._activities.pop("wagtailcore.page")


def test_registering_an_activity_extends_the_class_space(extra_activity):
    assert set(ClassroomPage.allowed_subpage_models()) >= {BlogEntryPage, ExercisePage, Page}


def test_activity_model_resolves_lazily():
    activity = activities.Activity("exercises.ExercisePage", icon="puzzle")
    assert issubclass(activity.model, models.Model)
    assert activity.model is ExercisePage
