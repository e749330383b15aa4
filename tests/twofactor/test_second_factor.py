"""The second factor (twofactor/): staff switch it on from "my spaces", then a password
login waits for the code before the session is logged in, in the front end and the
Wagtail admin alike; recovery codes work once; pupils and parents are not offered it."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import TEST_PASSWORD
from twofactor import devices, pending

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
CODE = reverse("twofactor:code")


def code_of(device, drift=0):
    """The code an authenticator app shows (drift=1: the next 30 seconds' code, since a
    device refuses a code of a period it already accepted)."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def switch_on(user):
    device = devices.pending_totp(user)
    codes = devices.confirm(device)
    return device, codes


def log_in(client, user, next_url=""):
    data = {"username": user.username, "password": TEST_PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(LOGIN, data)


def says(response, english, french):
    """The words in English, or in French once the translations are compiled."""
    text = response.content.decode()
    return english in text or french in text


def logged_in(client):
    return "_auth_user_id" in client.session


def test_staff_are_offered_it_pupils_and_parents_are_not(client, world):
    for person, offered in (
        (world.director, True),
        (world.teacher, True),
        (world.pupil, False),
        (world.parent, False),
    ):
        with pytest.MonkeyPatch.context():
            client.force_login(person)
            spaces = client.get(reverse("accounts:my_spaces")).content.decode()
            assert (reverse("twofactor:manage") in spaces) is offered, person
            page = client.get(reverse("twofactor:manage"))
            assert page.status_code == (200 if offered else 404), person
            setup = client.get(reverse("twofactor:setup"))
            assert setup.status_code == (200 if offered else 404), person
            client.logout()
    assert not TOTPDevice.objects.filter(user__in=[world.pupil, world.parent]).exists()


def test_switching_it_on_shows_the_secret_then_asks_for_a_right_code(client, world):
    client.force_login(world.director)
    page = client.get(reverse("twofactor:setup")).content.decode()
    device = TOTPDevice.objects.get(user=world.director)
    assert not device.confirmed
    assert devices.secret_of(device) in page and "<svg" in page

    wrong = client.post(reverse("twofactor:setup"), {"code": "000000"})
    device.refresh_from_db()
    assert wrong.status_code == 200 and not device.confirmed
    assert says(wrong, "This code is not right", "pas le bon")

    # django-otp makes the person wait after a wrong code (its throttling), even a right one.
    early = client.post(reverse("twofactor:setup"), {"code": code_of(device)})
    device.refresh_from_db()
    assert not device.confirmed and says(early, "Too many wrong codes", "Trop de codes faux")
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    done = client.post(reverse("twofactor:setup"), {"code": code_of(device)})
    device.refresh_from_db()
    assert device.confirmed
    tokens = StaticToken.objects.filter(device__user=world.director)
    tokens = set(tokens.values_list("token", flat=True))
    assert len(tokens) == devices.RECOVERY_CODES
    assert all(token in done.content.decode() for token in tokens)
    # This session typed the code: it stays logged in, verified.
    assert client.session.get("otp_device_id") == device.persistent_id
    # Shown once: the setup page now leads back to the settings, without a secret.
    again = client.get(reverse("twofactor:setup"))
    assert again.status_code == 302 and devices.secret_of(device) not in again.content.decode()


def test_switching_it_on_ends_the_person_s_other_sessions(client, world):
    """A session opened elsewhere with the password alone (someone else's, maybe) ends
    when the second factor is switched on; the session that switched it on goes on, and
    so do other people's."""
    from django.test import Client

    other_place, colleague = Client(), Client()
    other_place.force_login(world.director)
    colleague.force_login(world.teacher)
    spaces = reverse("accounts:my_spaces")
    assert other_place.get(spaces).status_code == 200

    client.force_login(world.director)
    client.get(reverse("twofactor:setup"))
    device = TOTPDevice.objects.get(user=world.director)
    client.post(reverse("twofactor:setup"), {"code": code_of(device)})

    assert client.get(spaces).status_code == 200
    assert other_place.get(spaces).status_code == 302  # to the login page
    assert colleague.get(spaces).status_code == 200


def test_password_login_waits_for_the_code(client, world):
    device, _codes = switch_on(world.director)
    response = log_in(client, world.director)
    assert response.status_code == 302 and response["Location"] == CODE
    assert not logged_in(client)
    # Nothing opens meanwhile: the session is not logged in.
    spaces = client.get(reverse("accounts:my_spaces"))
    assert spaces.status_code == 302 and spaces["Location"].startswith(LOGIN)

    step = client.get(CODE)
    assert step.status_code == 200 and 'autocomplete="one-time-code"' in step.content.decode()
    wrong = client.post(CODE, {"code": "123456"})
    assert wrong.status_code == 400 and not logged_in(client)
    assert says(wrong, "This code is not right", "pas le bon")
    device.refresh_from_db()
    assert device.throttling_failure_count == 1

    # django-otp's throttling: right after a wrong code, even the right one waits.
    refused = client.post(CODE, {"code": code_of(device)})
    assert refused.status_code == 400 and not logged_in(client)
    assert says(refused, "Too many wrong codes", "Trop de codes faux")

    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    right = client.post(CODE, {"code": code_of(device)})
    assert right.status_code == 302 and logged_in(client)
    assert client.session["otp_device_id"] == device.persistent_id
    assert client.get(reverse("accounts:my_spaces")).status_code == 200


def test_a_code_of_a_period_already_used_is_refused(client, world):
    device, _codes = switch_on(world.director)
    log_in(client, world.director)
    assert client.post(CODE, {"code": code_of(device)}).status_code == 302
    client.logout()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    log_in(client, world.director)
    assert client.post(CODE, {"code": code_of(device)}).status_code == 400
    assert not logged_in(client)


def test_a_recovery_code_works_once(client, world):
    _device, codes = switch_on(world.director)
    log_in(client, world.director)
    assert client.post(CODE, {"code": codes[0].upper()}).status_code == 302
    assert logged_in(client)
    client.logout()
    StaticDevice.objects.filter(user=world.director).update(throttling_failure_timestamp=None)
    log_in(client, world.director)
    assert client.post(CODE, {"code": codes[0]}).status_code == 400
    assert not logged_in(client)
    assert StaticToken.objects.filter(device__user=world.director).count() == len(codes) - 1


def test_switching_it_off_needs_a_right_code(client, world):
    device, _codes = switch_on(world.director)
    log_in(client, world.director)
    client.post(CODE, {"code": code_of(device)})
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)

    wrong = client.post(reverse("twofactor:disable"), {"code": "000000"})
    assert wrong.status_code == 400 and devices.is_enabled(world.director)
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    right = client.post(reverse("twofactor:disable"), {"code": code_of(device, drift=1)})
    assert right.status_code == 302 and not devices.is_enabled(world.director)
    assert not StaticDevice.objects.filter(user=world.director).exists()

    client.logout()
    assert log_in(client, world.director).status_code == 302 and logged_in(client)


def test_the_admin_is_reached_only_after_the_code(client, world):
    device, _codes = switch_on(world.director)
    admin = reverse("wagtailadmin_home")
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": world.director.username, "password": TEST_PASSWORD, "next": admin},
    )
    assert response.status_code == 302 and response["Location"] == CODE
    assert not logged_in(client)
    assert client.get(admin).status_code == 302
    done = client.post(CODE, {"code": code_of(device)})
    assert done["Location"] == admin
    assert client.get(admin).status_code == 200


def test_the_code_step_expires_and_has_no_user_without_a_password(client, world):
    switch_on(world.director)
    assert client.get(CODE)["Location"] == LOGIN
    log_in(client, world.director)
    session = client.session
    session[pending.PENDING_KEY]["since"] -= pending.PENDING_SECONDS + 1
    session.save()
    assert client.get(CODE)["Location"] == LOGIN


def test_a_session_opened_before_the_second_factor_is_logged_out(client, world):
    client.force_login(world.director)
    session = client.session
    del session[pending.CHECKED_KEY]
    session.save()
    switch_on(world.director)
    response = client.get(reverse("accounts:my_spaces"))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert not logged_in(client)


def test_a_session_without_a_device_is_checked_once(client, world):
    client.force_login(world.teacher)
    session = client.session
    del session[pending.CHECKED_KEY]
    session.save()
    client.get(reverse("accounts:my_spaces"))
    assert client.session[pending.CHECKED_KEY] is True


def test_the_admin_can_require_it(client, world, settings):
    settings.PREAU_OTP_REQUIRED_FOR_ADMINS = True
    admin = reverse("wagtailadmin_home")
    client.force_login(world.director)
    response = client.get(admin)
    assert response.status_code == 302 and response["Location"] == reverse("twofactor:setup")
    assert client.get(reverse("accounts:my_spaces")).status_code == 200

    # A session opened without a code (an identity provider, a card) types it to enter.
    device, _codes = switch_on(world.director)
    response = client.get(admin)
    assert response.status_code == 302 and response["Location"].startswith(CODE)
    entered = client.post(response["Location"], {"code": code_of(device), "next": admin})
    assert entered["Location"] == admin
    assert client.get(admin).status_code == 200


def test_off_by_default_the_admin_does_not_ask(client, world):
    client.force_login(world.director)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
