"""Brute force: one username from one address is locked for a while, nobody else is."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def attempt(client, username, password, address="10.0.0.1", prefix=""):
    return client.post(
        f"{prefix}/compte/connexion/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def locked(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "pupil", "wrong")
    return world


def test_right_password_is_refused_once_locked(client, locked):
    response = attempt(client, "pupil", factories.TEST_PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop de mots de passe erronés" in html
    assert 'value="pupil"' in html
    assert "_auth_user_id" not in client.session


def test_lockout_is_explained_in_english_too(client, locked):
    response = attempt(client, "pupil", "wrong", prefix="/en")
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.content.decode()


def test_classmates_behind_the_same_address_can_still_log_in(client, locked):
    response = attempt(client, "parent", factories.TEST_PASSWORD)
    assert response.status_code == 302


def test_same_username_from_home_is_not_locked(client, locked):
    response = attempt(client, "pupil", factories.TEST_PASSWORD, address="192.0.2.7")
    assert response.status_code == 302


def test_a_forged_forwarded_header_does_not_dodge_the_lock(client, locked):
    response = client.post(
        "/compte/connexion/",
        {"username": "pupil", "password": factories.TEST_PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert response.status_code == 429
