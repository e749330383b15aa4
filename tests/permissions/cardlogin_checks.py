"""Logging in without typing's cells of the permission matrix (matrix.py
CARDLOGIN_RULES), each checked through a real HTTP request against cardlogin_world.py.

The teacher's actions (revoking a card, giving pictures, the tablet's link) follow the
rules of printing cards: allowed, they answer and change what they say (then the world
is put back); refused, anonymous visitors are sent to log in, everyone else gets 404 and
nothing changes. The card's and the tablet's pages need no login: their secret is the
key, so everyone holding it is let in, and nobody without it (404, no name shown).
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from cardlogin import services
from cardlogin.models import PicturePassword

from .cardlogin_world import PICTURES, give_card, give_tablet_link
from .matrix import TEACHER
from .messaging_checks import assert_refused, shows


def _people(world):
    users = get_user_model().objects
    cw = world.cardlogin
    return users.get(pk=cw.pupil_id), users.get(pk=world.users[TEACHER].pk)


def _classroom(world):
    from classrooms.models import ClassroomPage

    return ClassroomPage.objects.get(pk=world.cardlogin.classroom_id)


def check_revoke_card(client, world, cell):
    cw = world.cardlogin
    url = reverse(
        "enrolment:revoke_card",
        kwargs={"classroom_id": cw.classroom_id, "user_id": cw.pupil_id},
    )
    response = client.post(url)
    live = services.live_card(cw.card_token) is not None
    try:
        if cell.allowed:
            assert response.status_code == 302 and not live, response.status_code
            return
        assert live, "a refused request revoked the card"
        assert_refused(cell, response, url)
    finally:
        give_card(*_people(world))


def check_give_pictures(client, world, cell):
    cw = world.cardlogin
    url = reverse(
        "enrolment:picture_password",
        kwargs={"classroom_id": cw.classroom_id, "user_id": cw.pupil_id},
    )
    before = PicturePassword.objects.get(user=cw.pupil_id).password_hash
    response = client.post(url)
    after = PicturePassword.objects.get(user=cw.pupil_id).password_hash
    try:
        if cell.allowed:
            assert response.status_code == 200 and after != before, response.status_code
            assert shows(response, "data-code=")
            return
        assert after == before, "a refused request changed the pictures"
        assert_refused(cell, response, url)
    finally:
        pupil, teacher = _people(world)
        services.set_picture_password(pupil, teacher, PICTURES)


def check_new_tablet_link(client, world, cell):
    cw = world.cardlogin
    url = reverse("enrolment:tablet_link", kwargs={"classroom_id": cw.classroom_id})
    response = client.post(url)
    live = services.tablet_classroom(cw.tablet_token) is not None
    try:
        if cell.allowed:
            assert response.status_code == 200 and not live, response.status_code
            assert shows(response, "/compte/tablette/")
            return
        assert live, "a refused request replaced the tablet's link"
        assert_refused(cell, response, url)
    finally:
        give_tablet_link(_classroom(world), world.users[TEACHER])


def check_revoke_tablet_link(client, world, cell):
    cw = world.cardlogin
    url = reverse("enrolment:tablet_link_revoke", kwargs={"classroom_id": cw.classroom_id})
    response = client.post(url)
    live = services.tablet_classroom(cw.tablet_token) is not None
    try:
        if cell.allowed:
            assert response.status_code == 302 and not live, response.status_code
            return
        assert live, "a refused request revoked the tablet's link"
        assert_refused(cell, response, url)
    finally:
        give_tablet_link(_classroom(world), world.users[TEACHER])


def check_secret_page(client, cell, url, name):
    """GET only: a page with the secret shows `name` (its greeting, its links); without
    the secret, 404 without it (the header may name a logged-in pupil: not a leak)."""
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200 and shows(response, name), response.status_code
        return
    assert response.status_code == 404, response.status_code
    assert not shows(response, name), f"{name!r} leaked"


def exercise_cardlogin_cell(client, world, cell):
    cw = world.cardlogin
    greeting = f"Bonjour {cw.pupil_first_name}"
    pupil_path = reverse(
        "cardlogin:tablet_pupil", kwargs={"token": cw.tablet_token, "pupil_id": cw.pupil_id}
    )
    match cell.action:
        case "card_revoke":
            check_revoke_card(client, world, cell)
        case "pictures_give":
            check_give_pictures(client, world, cell)
        case "tablet_link_new":
            check_new_tablet_link(client, world, cell)
        case "tablet_link_revoke":
            check_revoke_tablet_link(client, world, cell)
        case "card_open":
            url = reverse("cardlogin:card", kwargs={"token": cw.card_token})
            check_secret_page(client, cell, url, greeting)
        case "card_open_revoked":
            url = reverse("cardlogin:card", kwargs={"token": "a-card-nobody-printed"})
            check_secret_page(client, cell, url, greeting)
        case "tablet_open":
            url = reverse("cardlogin:tablet", kwargs={"token": cw.tablet_token})
            check_secret_page(client, cell, url, pupil_path)
        case "tablet_pupil_open":
            check_secret_page(client, cell, pupil_path, 'name="pick"')
        case "tablet_open_without_link":
            url = reverse("cardlogin:tablet", kwargs={"token": "a-guessed-link"})
            check_secret_page(client, cell, url, pupil_path)
        case _:
            raise AssertionError(f"no request for the action {cell.action!r}")
