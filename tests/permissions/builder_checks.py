"""The exercise builder's cells of the permission matrix (matrix.py BUILDER_RULES), each
checked through a real HTTP request against builder_world.py's draft exercise.

Allowed: 200 showing the exercise (or its item), or 302 with the change made in a new
draft revision. Refused: anonymous visitors are sent to log in, everyone else gets 404
with nothing of the exercise in it, and nothing is changed."""

from django.urls import reverse

from exercises.builder import body
from exercises.models import ExercisePage

from .builder_world import INSTRUCTION, QUESTION, TITLE, draft_exercise
from .messaging_checks import assert_refused, shows


def _exercise(world):
    return ExercisePage.objects.get(pk=world.builder.exercise_id)


def _items(exercise):
    exercise.refresh_from_db()
    return body.items_of(body.draft_of(exercise))


def _url(name, exercise, **kwargs):
    return reverse(f"exercises:{name}", kwargs={"exercise_id": exercise.pk, **kwargs})


def check_page(client, cell, url, *words):
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        for word in words:
            assert shows(response, word), word
        return
    assert_refused(cell, response, url, TITLE, *words)


def check_change(client, cell, url, data, state):
    """POST `data` to `url`; `state()` before and after tells whether it changed."""
    before = state()
    response = client.post(url, data)
    after = state()
    if cell.allowed:
        assert response.status_code == 302, response.status_code
        assert after != before, "the change was not made"
        return
    assert after == before, "a refused request changed the exercise"
    assert_refused(cell, response, url, TITLE)


def exercise_builder_cell(client, world, cell):
    exercise = _exercise(world)
    items = _items(exercise)
    base = {"base_revision": exercise.latest_revision_id}
    first = items[0]["id"]
    match cell.action:
        case "build_new":
            url = reverse("exercises:new", kwargs={"classroom_id": world.builder.classroom_id})
            check_page(client, cell, url, "Titre de l’exercice")
        case "build_view":
            check_page(client, cell, _url("builder", exercise), TITLE, INSTRUCTION)
        case "build_edit_item":
            check_page(client, cell, _url("edit_item", exercise, item_id=first), INSTRUCTION)
        case "build_settings":
            check_page(client, cell, _url("settings", exercise), TITLE)
        case "build_preview":
            check_page(client, cell, _url("preview", exercise), QUESTION)
        case "build_add_item":
            url = _url("add_item", exercise, kind="instruction")
            data = {**base, "text": f"Ajout de {cell.role}"}
            check_change(client, cell, url, data, lambda: len(_items(exercise)))
        case "build_move_item":
            url = _url("move_item", exercise, item_id=first)
            data = {**base, "direction": "down"}
            check_change(client, cell, url, data, lambda: [i["id"] for i in _items(exercise)])
        case "build_delete_item":
            fresh = body.new_item("instruction", {"text": "À supprimer", "audio": None})
            body.save_items(exercise, None, exercise.latest_revision_id, lambda i: [*i, fresh])
            exercise.refresh_from_db()
            url = _url("delete_item", exercise, item_id=fresh["id"])
            data = {"base_revision": exercise.latest_revision_id}
            check_change(client, cell, url, data, lambda: len(_items(exercise)))
        case "build_publish":
            fresh = draft_exercise(exercise.get_parent(), title=f"{TITLE} · {cell.role}")
            url = _url("publish", fresh)
            data = {"base_revision": fresh.latest_revision_id}
            check_change(
                client, cell, url, data, lambda: ExercisePage.objects.get(pk=fresh.pk).live
            )
        case _:
            raise AssertionError(f"no request for the action {cell.action!r}")
