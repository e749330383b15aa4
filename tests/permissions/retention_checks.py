"""Retention's cells of the permission matrix (matrix.py RETENTION_RULES), each checked
through a real HTTP request against retention_world.py.

The school's director (and the portal administrator) read the school's closed accounts
and reopen one; everyone else gets 404 (anonymous visitors are sent to log in) and the
account stays closed. An allowed reopening is undone afterwards.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from .messaging_checks import assert_refused, shows
from .retention_world import close


def check_list(client, world, cell):
    rw = world.retention
    url = reverse("retention:school_accounts", kwargs={"school_id": rw.school_id})
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        assert shows(response, rw.username)
        return
    assert_refused(cell, response, url, rw.username)


def check_reopen(client, world, cell):
    rw = world.retention
    url = reverse(
        "retention:reopen_account", kwargs={"school_id": rw.school_id, "user_id": rw.user_id}
    )
    response = client.post(url, {"confirm": "yes"})
    user = get_user_model().objects.get(pk=rw.user_id)
    try:
        if cell.allowed:
            assert response.status_code == 302 and user.is_active, response.status_code
            return
        assert not user.is_active, "a refused request reopened the account"
        assert_refused(cell, response, url)
    finally:
        close(user, rw.school_id)


def exercise_retention_cell(client, world, cell):
    match cell.action:
        case "closed_accounts_view":
            check_list(client, world, cell)
        case "closed_account_reopen":
            check_reopen(client, world, cell)
        case _:
            raise AssertionError(f"no check for {cell.action}")
