"""Notifications' cells of the permission matrix (matrix.py NOTIFICATION_RULES), each
checked through a real HTTP request. Everyone logged in has their own bell and
preferences; anonymous visitors are sent to log in; a notification is opened by its
recipient only (404 for anyone else, and it stays unread)."""

from django.urls import reverse

from notifications.kinds import groups
from notifications.models import Notification, NotificationPreference
from notifications.services import notify

from .matrix import TEACHER
from .messaging_checks import assert_refused, assert_sent_to_login

SECRET = "Le secret du potager"


def _own(client, cell, url, *, post=None):
    response = client.post(url, post) if post is not None else client.get(url)
    if not cell.allowed:
        assert_sent_to_login(response, url)
        return None
    assert response.status_code == (302 if post is not None else 200), response.status_code
    return response


def check_open(client, world, cell):
    (notification,) = notify(
        [world.users[TEACHER]], "entry_waiting", url="/classes/", author="Léa M.", entry=SECRET
    )
    url = reverse("notifications:open", kwargs={"notification_id": notification.pk})
    response = client.get(url)
    notification.refresh_from_db()
    if cell.allowed:
        assert response.status_code == 302 and response["Location"] == "/classes/"
        assert notification.read_at is not None
        return
    assert notification.read_at is None, "another's notification was marked read"
    assert_refused(cell, response, url, SECRET)


def exercise_notification_cell(client, world, cell):
    user = world.users.get(cell.role)
    match cell.action:
        case "bell":
            _own(client, cell, reverse("notifications:list"))
        case "notification_preferences":
            _own(client, cell, reverse("notifications:preferences"))
        case "save_preferences":
            data = {f"{group.name}-email": "never" for group in groups()}
            _own(client, cell, reverse("notifications:preferences"), post=data)
            saved = NotificationPreference.objects.filter(user=user) if user else None
            assert bool(saved and saved.exists()) == cell.allowed
        case "mark_all_read":
            if user is not None:
                notify([user], "comment_approved", url="/a/", entry=SECRET)
            _own(client, cell, reverse("notifications:mark_all_read"), post={})
            if user is not None:
                unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
                assert not unread.exists()
        case "open_notification":
            check_open(client, world, cell)
        case _:
            raise AssertionError(f"no request for the action {cell.action!r}")
