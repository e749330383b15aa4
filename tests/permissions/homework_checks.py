"""The homework diary's cells of the permission matrix (matrix.py HOMEWORK_RULES), each
checked through a real HTTP request against homework_world.py's objects.

Allowed: 200 showing the object, or 302 with the change made. Refused: anonymous
visitors are sent to log in, everyone else gets 404 with nothing of the object in it,
and nothing is made or changed. The diary page answers 200 to all its class's readers:
there, refused means the item is not on it. The feed answers 200 to every valid token:
refused means the item is not in it (a made-up token, for anonymous visitors, is 404).
"""

import datetime

from django.urls import reverse
from django.utils import timezone

from homework.feeds import feed_token
from homework.models import HomeworkItem, ItemDone, Session

from .homework_world import CLASS_ITEM, DOCUMENT, GROUP_ITEM, SESSION_TITLE
from .matrix import ANONYMOUS
from .messaging_checks import assert_refused, content_of, shows


def check_page(client, cell, url, *words):
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        for word in words:
            assert shows(response, word), word
        return
    assert_refused(cell, response, url, *words)


def check_item_on_diary(client, world, cell, text):
    """An item is on the diary page for those it concerns (the page itself is the class's)."""
    response = client.get(world.homework.diary_url)
    if cell.allowed:
        assert response.status_code == 200 and shows(response, text), response.status_code
    elif response.status_code == 200:
        assert cell.role != ANONYMOUS and not shows(response, text), f"{text!r} leaked"
    else:
        assert_refused(cell, response, world.homework.diary_url, text, SESSION_TITLE)


def check_delete(client, world, cell):
    session = Session.objects.create(
        classroom_id=world.homework.classroom_id, date=timezone.localdate(), title="À supprimer"
    )
    url = reverse("homework:session_delete", kwargs={"session_id": session.pk})
    response = client.post(url)
    exists = Session.objects.filter(pk=session.pk).exists()
    if cell.allowed:
        assert response.status_code == 302 and not exists, response.status_code
        return
    assert exists, "a refused request deleted the session"
    assert_refused(cell, response, url)
    session.delete()


def check_tick(client, world, cell, item_id):
    url = reverse("homework:tick", kwargs={"item_id": item_id})
    response = client.post(url, {"done": "1"})
    ticked = ItemDone.objects.filter(item_id=item_id)
    if cell.allowed:
        assert response.status_code == 302 and ticked.count() == 1, response.status_code
        ticked.delete()
        return
    assert not ticked.exists(), "a refused request ticked the item"
    assert_refused(cell, response, url, HomeworkItem.objects.get(pk=item_id).text)


def check_feed(client, world, cell):
    person = world.users[cell.role]
    user_id, token = (person.pk, feed_token(person)) if person else (1, "0" * 40)
    url = reverse("homework:feed", kwargs={"user_id": user_id, "token": token})
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200 and shows(response, CLASS_ITEM)
        return
    assert not shows(response, CLASS_ITEM) and not shows(response, GROUP_ITEM)
    if person is None:
        assert response.status_code == 404


def check_file(client, world, cell):
    hw = world.homework
    url = reverse("homework:file", kwargs={"file_id": hw.file_id, "name": hw.file_name})
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200 and content_of(response) == DOCUMENT
        return
    assert_refused(cell, response, url, DOCUMENT)


def exercise_homework_cell(client, world, cell):
    hw = world.homework
    match cell.action:
        case "diary_view":
            check_page(client, cell, hw.diary_url, SESSION_TITLE)
        case "item_view":
            text = CLASS_ITEM if cell.obj == "homework_class_item" else GROUP_ITEM
            check_item_on_diary(client, world, cell, text)
        case "session_write":
            url = reverse("homework:session_new", kwargs={"classroom_id": hw.classroom_id})
            check_page(client, cell, url, "items-TOTAL_FORMS")
        case "session_copy":
            url = reverse("homework:copy", kwargs={"classroom_id": hw.classroom_id})
            day = timezone.localdate() + datetime.timedelta(days=0)
            check_page(client, cell, f"{url}?source={hw.classroom_id}&week={day}", SESSION_TITLE)
        case "session_edit":
            url = reverse("homework:session_edit", kwargs={"session_id": hw.session_id})
            check_page(client, cell, url, SESSION_TITLE)
        case "session_delete":
            check_delete(client, world, cell)
        case "tick":
            item_id = hw.class_item_id if cell.obj == "homework_class_item" else hw.group_item_id
            check_tick(client, world, cell, item_id)
        case "ical_feed":
            check_feed(client, world, cell)
        case "file_download":
            check_file(client, world, cell)
        case _:
            raise AssertionError(f"no request for the action {cell.action!r}")
