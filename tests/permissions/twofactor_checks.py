"""The second factor's cells of the permission matrix (matrix.py TWOFACTOR_RULES), each
checked through a real HTTP request. Nobody in the world has a second factor: the setup
page's unconfirmed device is deleted after each check, so the world stays as it was."""

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from .matrix import ANONYMOUS
from .messaging_checks import assert_refused, shows


def _user_id(world, cell):
    return None if cell.role == ANONYMOUS else world.users[cell.role].pk


def check_page(client, cell, url, words):
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200 and shows(response, words), response.status_code
        return
    assert_refused(cell, response, url, words)


def exercise_twofactor_cell(client, world, cell):
    match cell.action:
        case "second_factor_page":
            check_page(client, cell, reverse("twofactor:manage"), reverse("twofactor:setup"))
        case "second_factor_setup":
            try:
                check_page(client, cell, reverse("twofactor:setup"), "twofactor-qr")
                made = TOTPDevice.objects.filter(user_id=_user_id(world, cell)).exists()
                assert made == cell.allowed, "a device was made for someone not offered it"
            finally:
                TOTPDevice.objects.filter(user_id=_user_id(world, cell)).delete()
        case "second_factor_disable":
            url = reverse("twofactor:disable")
            assert_refused(cell, client.post(url, {"code": "123456"}), url)
        case "second_factor_code_step":
            response = client.get(reverse("twofactor:code"))
            assert response.status_code == 302, response.status_code
            assert not shows(response, 'name="code"')
        case _:
            raise AssertionError(f"no request for the action {cell.action!r}")
