"""ExercisePage moved from classrooms to exercises: databases made before keep their pages.

The migration renames the content type row instead of creating a new one, so pages,
revisions and permissions that point at it follow. These tests put a database back in
the state it had before the move and run the migration's step on it.
"""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page

from exercises.models import ExercisePage
from tests import factories

pytestmark = pytest.mark.django_db

MOVE = importlib.import_module("exercises.migrations.0002_exercisepage_moved_from_classrooms")


def move_to_exercises():
    ContentType.objects.clear_cache()
    # The step reads only the editor's connection; a real schema editor cannot open
    # inside a test's transaction on SQLite.
    editor = SimpleNamespace(connection=connection)
    MOVE.move_content_type("classrooms", "exercises")(apps, editor)
    ContentType.objects.clear_cache()


def test_pages_of_a_database_made_before_the_move_are_exercises_after_it(world):
    exercise = factories.ExercisePageFactory(parent=world.classroom, title="Les doubles")
    kind = ContentType.objects.get_for_model(ExercisePage)
    ContentType.objects.filter(pk=kind.pk).update(app_label="classrooms")  # as before

    move_to_exercises()

    kind.refresh_from_db()
    assert kind.app_label == "exercises"
    page = Page.objects.get(pk=exercise.pk)
    assert page.content_type_id == kind.pk
    assert isinstance(page.specific, ExercisePage)
    assert page.specific.title == "Les doubles"


def test_a_type_left_by_a_run_stopped_half_way_is_merged_into_the_kept_one(world):
    exercise = factories.ExercisePageFactory(parent=world.classroom, title="Les moitiés")
    kind = ContentType.objects.get_for_model(ExercisePage)
    ContentType.objects.filter(pk=kind.pk).update(app_label="classrooms")
    stale = ContentType.objects.create(app_label="exercises", model="exercisepage")
    made_since = factories.ExercisePageFactory(parent=world.classroom, title="Les tiers")
    Page.objects.filter(pk=made_since.pk).update(content_type=stale)

    move_to_exercises()

    assert not ContentType.objects.filter(pk=stale.pk).exists()
    assert set(
        Page.objects.filter(pk__in=[exercise.pk, made_since.pk]).values_list(
            "content_type_id", flat=True
        )
    ) == {kind.pk}


def test_a_new_database_has_nothing_to_move(world):
    kind = ContentType.objects.get_for_model(ExercisePage)

    move_to_exercises()

    assert ContentType.objects.get(pk=kind.pk).app_label == "exercises"
    assert ContentType.objects.filter(model="exercisepage").count() == 1
