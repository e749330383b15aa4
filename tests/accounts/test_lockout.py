"""Brute force: an account is locked for a while after failures, with a growing wait.

Failures count per account, wherever they come from: a school's pupils share one
address, so nothing is ever locked by address, and changing address or proxy does not
dodge the lock. The first lock is short (AXES_COOLOFF_MINUTES); each further failure
after a lock doubles the wait, up to a ceiling (accounts/lockout.py).
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F

from tests import factories

pytestmark = pytest.mark.django_db

SCHOOL = "10.0.0.1"
HOME = "192.0.2.7"


def attempt(client, username, password, address=SCHOOL, prefix=""):
    return client.post(
        f"{prefix}/compte/connexion/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def later(minutes=0, seconds=0):
    """As if every failure recorded so far had happened that much earlier."""
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time") - timedelta(minutes=minutes, seconds=seconds)
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
    assert "Attendez 1 minute" in html
    assert 'value="pupil"' in html
    assert "_auth_user_id" not in client.session


def test_lockout_is_explained_in_english_too(client, locked):
    response = attempt(client, "pupil", "wrong", prefix="/en")
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.content.decode()


def test_classmates_behind_the_same_address_can_still_log_in(client, locked):
    response = attempt(client, "parent", factories.TEST_PASSWORD)
    assert response.status_code == 302


def test_the_lock_follows_the_account_to_any_address(client, locked):
    """Another address (home, a proxy, a botnet) does not reopen a locked account."""
    response = attempt(client, "pupil", factories.TEST_PASSWORD, address=HOME)
    assert response.status_code == 429


def test_a_forged_forwarded_header_does_not_dodge_the_lock(client, locked):
    response = client.post(
        "/compte/connexion/",
        {"username": "pupil", "password": factories.TEST_PASSWORD},
        REMOTE_ADDR=SCHOOL,
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert response.status_code == 429


def test_changing_browser_does_not_dodge_the_lock(client, world, settings):
    """Each browser makes a row of its own in axes's table; the count is the account's."""
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/compte/connexion/",
            {"username": "pupil", "password": "wrong"},
            REMOTE_ADDR=f"198.51.100.{number}",
            HTTP_USER_AGENT=f"robot/{number}",
        )
    assert AccessAttempt.objects.count() == settings.AXES_FAILURE_LIMIT
    assert attempt(client, "pupil", factories.TEST_PASSWORD).status_code == 429


def test_the_first_lock_is_short(client, locked):
    later(minutes=1, seconds=1)
    assert attempt(client, "pupil", factories.TEST_PASSWORD).status_code == 302


def test_each_failure_after_a_lock_doubles_the_wait(client, locked):
    later(minutes=1, seconds=1)
    assert attempt(client, "pupil", "wrong").status_code == 429  # the sixth: 2 minutes
    later(minutes=1, seconds=1)
    response = attempt(client, "pupil", factories.TEST_PASSWORD)
    assert response.status_code == 429
    assert "Attendez 1 minute" in response.content.decode()  # what is left of the 2
    later(minutes=1)
    assert attempt(client, "pupil", factories.TEST_PASSWORD).status_code == 302


def test_attempts_during_a_lock_neither_count_nor_extend_it(client, locked):
    """A child pressing the button again and again while locked is not punished for it."""
    for _ in range(10):
        assert attempt(client, "pupil", "wrong").status_code == 429
    assert AccessAttempt.objects.get().failures_since_start == 5
    later(minutes=1, seconds=1)
    assert attempt(client, "pupil", factories.TEST_PASSWORD).status_code == 302


def test_one_pupil_trying_every_classmate_locks_nobody_for_long(client, world, settings):
    """The review's case: 35 wrong passwords, five on each of seven accounts of a class,
    from the school's one address; a minute later everyone logs in."""
    classmates = [factories.UserFactory(username=f"classmate{n}") for n in range(5)]
    usernames = ["pupil", "teacher"] + [user.username for user in classmates]
    for username in usernames:
        for _ in range(settings.AXES_FAILURE_LIMIT):
            attempt(client, username, "wrong")
    assert attempt(client, "teacher", factories.TEST_PASSWORD).status_code == 429
    later(minutes=1, seconds=1)
    for username in usernames:
        assert attempt(client, username, factories.TEST_PASSWORD).status_code == 302, username
        client.logout()


def test_the_wait_is_capped(client, world, rf, settings):
    from accounts.lockout import cool_off

    settings.PREAU_LOCKOUT_MAX_MINUTES = 60
    factories.UserFactory(username="target")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "target", "wrong")
    AccessAttempt.objects.update(failures_since_start=500)
    request = rf.post("/compte/connexion/", {"username": "target"})
    assert cool_off(request) == timedelta(minutes=60)
    later(minutes=59)
    assert attempt(client, "target", factories.TEST_PASSWORD).status_code == 429
    later(minutes=1, seconds=1)
    assert attempt(client, "target", factories.TEST_PASSWORD).status_code == 302


def test_someone_else_s_failure_does_not_lift_a_longer_lock(client, locked):
    """Cleaning old failures follows each account's own wait, not the caller's."""
    for _ in range(3):  # three more locks: 2, 4, then 8 minutes
        later(minutes=5)
        attempt(client, "pupil", "wrong")
    later(minutes=3)
    attempt(client, "parent", "wrong")  # a one-minute caller cleans up as it goes
    assert attempt(client, "pupil", factories.TEST_PASSWORD).status_code == 429


def test_failures_are_forgotten_a_day_after_the_last_one(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "pupil", "wrong")
    later(minutes=24 * 60 + 1)
    attempt(client, "pupil", "wrong")  # one failure today: not the fifth
    assert attempt(client, "pupil", factories.TEST_PASSWORD).status_code == 302


def test_a_successful_login_forgets_the_failures(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "pupil", "wrong")
    assert attempt(client, "pupil", factories.TEST_PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="pupil").exists()
