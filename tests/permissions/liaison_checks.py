"""Words to parents' cells of the permission matrix (matrix.py LIAISON_RULES), each
checked through a real HTTP request against liaison_world.py's objects.

Allowed: 200 showing the object, or 302 with the change made. Refused: anonymous
visitors are sent to log in, everyone else gets 404 with nothing of the word in it, and
nothing is made or changed (an acknowledgement above all: it is the parents' own).
"""

from django.urls import reverse

from liaison.models import Acknowledgement, Word

from .matrix import ANONYMOUS
from .messaging_checks import assert_refused, content_of, shows


def _word(world, cell):
    return world.liaison.words[cell.obj]


def check_page(client, cell, url, title, text=None):
    response = client.get(url)
    secrets = [title] + ([text] if text else [])
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        assert all(shows(response, secret) for secret in secrets)
        return
    assert_refused(cell, response, url, *secrets)


def check_acknowledge(client, world, cell):
    word_id, title, text = _word(world, cell)
    url = reverse("liaison:read", kwargs={"child_id": world.liaison.child_id, "word_id": word_id})
    person = world.users[cell.role]
    made = Acknowledgement.objects.filter(word_id=word_id, parent=person) if person else None
    response = client.post(url, {"answer": "yes"})
    if cell.allowed:
        assert response.status_code == 302, response.status_code
        assert made.filter(child_id=world.liaison.child_id).exists()
        made.delete()
        return
    assert person is None or not made.exists(), "a refused acknowledgement was written"
    assert_refused(cell, response, url, title, text)


def check_remind(client, world, cell):
    word_id, title, _text = _word(world, cell)
    Word.objects.filter(pk=word_id).update(reminded_at=None)
    url = reverse("liaison:remind", kwargs={"word_id": word_id})
    response = client.post(url)
    reminded = Word.objects.get(pk=word_id).reminded_at is not None
    if cell.allowed:
        assert response.status_code == 302 and reminded, response.status_code
        return
    assert not reminded, "a refused reminder was sent"
    assert_refused(cell, response, url, title)


def check_download(client, world, cell):
    liaison = world.liaison
    url = reverse("liaison:file", kwargs={"file_id": liaison.file_id, "name": liaison.file_name})
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        assert content_of(response) == liaison.content
        assert "private" in response["Cache-Control"]
        return
    assert_refused(cell, response, url, liaison.content)


def check_in_carnet(client, world, cell):
    _word_id, title, _text = _word(world, cell)
    url = reverse("liaison:index")
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200 and shows(response, title)
        return
    assert not shows(response, title), "the title leaked"
    if cell.role != ANONYMOUS:
        assert response.status_code in (200, 404), response.status_code
    else:
        assert response.status_code == 302


def check_write_form(client, world, cell):
    """The form of a new word: allowed, it offers its families (the class's pupil, or the
    school's classes); refused, 404 and no form."""
    liaison = world.liaison
    if cell.obj == "class_families":
        url = reverse("liaison:new_class", kwargs={"classroom_id": liaison.classroom_id})
        offered = f'value="{liaison.child_id}"'
    else:
        url = reverse("liaison:new_school", kwargs={"school_id": liaison.school_id})
        offered = f'<option value="{liaison.classroom_id}">'
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        assert offered.encode() in response.content
        return
    assert b'name="title"' not in response.content
    assert_refused(cell, response, url)


def exercise_liaison_cell(client, world, cell):
    liaison = world.liaison
    match cell.action:
        case "word_read":
            word_id, title, text = _word(world, cell)
            url = reverse("liaison:read", kwargs={"child_id": liaison.child_id, "word_id": word_id})
            check_page(client, cell, url, title, text)
        case "word_acknowledge":
            check_acknowledge(client, world, cell)
        case "word_follow" | "word_print":
            word_id, title, _text = _word(world, cell)
            name = "liaison:follow" if cell.action == "word_follow" else "liaison:print"
            check_page(client, cell, reverse(name, kwargs={"word_id": word_id}), title)
        case "word_remind":
            check_remind(client, world, cell)
        case "word_download":
            check_download(client, world, cell)
        case "in_carnet":
            check_in_carnet(client, world, cell)
        case "child_carnet":
            url = reverse("liaison:child", kwargs={"child_id": liaison.child_id})
            check_page(client, cell, url, "Sortie au zoo de la classe")
        case "write_word":
            check_write_form(client, world, cell)
        case _:
            raise AssertionError(f"no request for the liaison action {cell.action!r}")
