"""A pupil's session ends PREAU_PUPIL_SESSION_MINUTES after login; adults keep Django's."""

import pytest
from django.conf import settings

from tests import factories

pytestmark = pytest.mark.django_db


def log_in(client, username):
    response = client.post(
        "/compte/connexion/", {"username": username, "password": factories.TEST_PASSWORD}
    )
    assert response.status_code == 302
    return client.session


def test_a_pupil_s_session_lasts_two_hours_by_default(client, world):
    session = log_in(client, "pupil")
    assert session.get_expiry_age() == 120 * 60
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == 120 * 60


def test_the_pupil_session_lifetime_is_configurable(client, world, settings):
    settings.PREAU_PUPIL_SESSION_MINUTES = 30
    assert log_in(client, "pupil").get_expiry_age() == 30 * 60


def test_zero_ends_a_pupil_s_session_when_the_browser_closes(client, world, settings):
    settings.PREAU_PUPIL_SESSION_MINUTES = 0
    assert log_in(client, "pupil").get_expire_at_browser_close()


@pytest.mark.parametrize("username", ["teacher", "parent", "director"])
def test_adults_keep_the_usual_session(client, world, username):
    assert log_in(client, username).get_expiry_age() == settings.SESSION_COOKIE_AGE
