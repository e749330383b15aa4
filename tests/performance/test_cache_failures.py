"""When Redis fails: pages are served, people stay logged in, access never outlives its end.

Two kinds of failure, as production meets them:
- Redis out of reach (stopped, unreachable): the caches point at a closed port of this
  machine, with Préau's backend and the production layout of sessions (copies in Redis,
  truth in the database). Pages must be served uncached and /health/ say what is down.
- a cache write that fails while reads still work (a timeout under load, a full Redis):
  the cache's `set_many` raises as Django's own backend does, or answers the keys it did
  not write as Préau's does. A change that ends someone's access (a partnership, a
  membership, a guardianship) must then fail closed: either it is not made, or nobody
  keeps access through what the cache kept.
"""

import json
import logging
import uuid

import pytest
from django.contrib.sessions.backends import cached_db
from django.core.cache import caches
from django.db import OperationalError, connections, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from redis.exceptions import TimeoutError as RedisTimeoutError

from classrooms.models import BlogEntryPage, Guardianship, Membership
from comments.models import ClassComment, Partnership
from notifications.services import notify
from performance import versions
from tests import factories

pytestmark = pytest.mark.django_db

CLOSED_PORT = "redis://127.0.0.1:1/9"


@pytest.fixture
def redis_out_of_reach(settings):
    """The production layout of caches and sessions, with nobody listening for Redis."""
    backend = {"BACKEND": "performance.redis_cache.RedisCache", "LOCATION": CLOSED_PORT}
    settings.CACHES = {"default": backend, "sessions": {**backend, "MAX_TIMEOUT": 300}}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.SESSION_CACHE_ALIAS = "sessions"
    settings.PREAU_PAGE_CACHE_SECONDS = 600
    settings.PREAU_VERSION_SECONDS = 3600
    yield
    # The next test's clean-up empties the configured cache, not this one.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def entry(world):
    page = factories.BlogEntryPageFactory(parent=world.classroom, title="Nos haricots")
    page.save_revision().publish()
    return BlogEntryPage.objects.get(pk=page.pk)


def urls():
    with translation.override("fr"):
        return {
            "login": reverse("accounts:login"),
            "health": reverse("health"),
            "notifications": reverse("notifications:list"),
        }


# Redis out of reach


def test_public_pages_are_served_uncached_when_redis_is_out_of_reach(
    client, world, redis_out_of_reach
):
    for _ in range(2):
        response = client.get(world.school.url)
        assert response.status_code == 200
        assert response.get("X-Preau-Page-Cache") != "hit"
        assert world.school.title in response.content.decode()


@pytest.mark.parametrize("username, first_name", [("parent", "Sophie"), ("teacher", "Claire")])
def test_a_person_logs_in_and_stays_logged_in_when_redis_is_out_of_reach(
    client, world, entry, redis_out_of_reach, username, first_name
):
    """The login form works, and every page after it knows the person: the session lives
    in the database, Redis only held copies. What a page writes by the way (a teacher's
    first Wagtail profile, notifications marked read) takes nothing away: it is written."""
    notify([getattr(world, username)], "comment_approved", entry="Nos haricots")
    response = client.post(
        urls()["login"],
        {"username": username, "password": factories.TEST_PASSWORD},
    )
    assert response.status_code == 302
    for url in (world.classroom.url, entry.url, urls()["notifications"], world.classroom.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert first_name in response.content.decode()


def test_a_change_the_cache_cannot_forget_is_refused_with_a_page_saying_so(
    client, world, entry, redis_out_of_reach
):
    """A comment posted while Redis is out of reach would leave the entry's kept comments
    behind once Redis is back: it is refused, with a page that says so, not a 500."""
    client.force_login(world.parent)
    response = client.post(
        reverse("comments:post", kwargs={"entry_id": entry.pk}),
        {"liked": "les dessins", "suggestion": "", "wondering": ""},
    )
    assert response.status_code == 503
    assert "n’a pas pu être enregistrée" in response.content.decode()
    assert not ClassComment.objects.exists()


def test_health_says_the_cache_is_down_and_answers_200(client, db, redis_out_of_reach):
    response = client.get(urls()["health"])
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "degraded",
        "database": "ok",
        "cache": "down",
    }


def test_health_answers_503_when_the_database_is_down(client, db, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", refuse)
    response = client.get(urls()["health"])
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "down", "database": "down", "cache": "ok"}


def test_health_says_everything_is_up(client, db):
    response = client.get(urls()["health"])
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}


# A cache write that fails while reads work


class FailingWrites:
    """Makes the cache's writes fail while reads still work, the way `how` says:
    "raises" as Django's Redis backend does on a timeout, "answers" as Préau's does
    (the keys not written). A context manager, or `start()` for the rest of the test."""

    def __init__(self, how):
        self.how = how
        self.backend = caches["default"]

    def set_many(self, data, timeout=None, version=None):
        if self.how == "raises":
            raise RedisTimeoutError("Timeout writing to socket")
        return list(data)

    def start(self):
        self.backend.set_many = self.set_many

    def stop(self):
        self.backend.__dict__.pop("set_many", None)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()


@pytest.fixture(params=["raises", "answers"])
def failing_writes(request):
    writes = FailingWrites(request.param)
    yield writes
    writes.stop()


@pytest.fixture
def partnership(world, entry):
    """world.other_classroom reads world.classroom's blog as its guest."""
    return Partnership.objects.create(
        host=world.classroom,
        guest=world.other_classroom,
        status=Partnership.Status.ACCEPTED,
        invited_by=world.teacher,
    )


def end_url(partnership):
    return reverse(
        "comments:partnership", kwargs={"partnership_id": partnership.pk, "action": "end"}
    )


def test_ending_a_partnership_the_cache_cannot_forget_is_not_saved_and_says_so(
    client, world, entry, partnership, failing_writes
):
    """The partnership and what the guest class reads stay together: not ended (the
    teacher is told to try again, no error page), then ended and closed at once."""
    guest = browser_of(world.other_pupil)
    assert guest.get(entry.url).status_code == 200
    assert guest.get(entry.url).status_code == 200  # kept

    client.force_login(world.teacher)
    with failing_writes:
        response = client.post(end_url(partnership), follow=True)
    assert response.status_code == 200
    assert "Rien n’a été modifié" in response.content.decode()
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ACCEPTED
    assert guest.get(entry.url).status_code == 200  # as the database says

    client.post(end_url(partnership))
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ENDED
    assert guest.get(entry.url).status_code == 404


def test_a_partnership_ended_whose_invalidation_fails_after_commit_is_closed_at_once(
    client, world, entry, partnership, failing_writes, django_capture_on_commit_callbacks, caplog
):
    """The versions were replaced before the row was written: a failure of the replacement
    after the commit is logged, the teacher gets no error page, the guest loses access."""
    guest = browser_of(world.other_pupil)
    assert guest.get(entry.url).status_code == 200
    client.force_login(world.teacher)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = client.post(end_url(partnership))
        assert response.status_code == 302
        failing_writes.start()  # the commit's replacement fails
    failing_writes.stop()
    assert "its versions were not replaced again" in caplog.text
    assert guest.get(entry.url).status_code == 404


def test_a_membership_the_cache_cannot_forget_is_not_ended(client, world, failing_writes):
    membership = Membership.objects.get(user=world.pupil, classroom=world.classroom)
    client.force_login(world.pupil)
    assert client.get(world.classroom.url).status_code == 200
    # In a transaction of its own, as outside the tests: it is rolled back.
    with failing_writes, pytest.raises(versions.InvalidationFailed), transaction.atomic():
        membership.delete()
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert client.get(world.classroom.url).status_code == 200  # as the database says
    membership.delete()
    assert client.get(world.classroom.url).status_code == 404


def test_a_guardianship_the_cache_cannot_forget_is_not_ended(client, world, failing_writes):
    guardianship = Guardianship.objects.get(parent=world.parent, child=world.pupil)
    client.force_login(world.parent)
    assert client.get(world.classroom.url).status_code == 200
    with failing_writes, pytest.raises(versions.InvalidationFailed), transaction.atomic():
        guardianship.delete()
    assert Guardianship.objects.filter(pk=guardianship.pk).exists()
    assert client.get(world.classroom.url).status_code == 200
    guardianship.delete()
    assert client.get(world.classroom.url).status_code == 404


def browser_of(user):
    """Another browser, logged in as `user` (the teacher keeps `client`)."""
    browser = Client()
    browser.force_login(user)
    return browser


# Redis evicting what it keeps


def test_a_session_whose_copy_redis_evicted_stays_logged_in(client, world, settings):
    """Under `allkeys-lru` Redis drops whatever it likes, sessions' copies included: the
    session is read again from the database."""
    backend = {
        "BACKEND": "performance.redis_cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/9",
        "KEY_PREFIX": f"preau-test-{uuid.uuid4().hex}",
    }
    settings.CACHES = {"default": backend, "sessions": {**backend, "MAX_TIMEOUT": 300}}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.SESSION_CACHE_ALIAS = "sessions"
    try:
        client.force_login(world.parent)
        assert "Sophie" in client.get(world.classroom.url).content.decode()
        session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
        assert caches["sessions"].delete(cached_db.KEY_PREFIX + session_key)  # evicted
        response = client.get(world.classroom.url)
        assert response.status_code == 200 and "Sophie" in response.content.decode()
    finally:
        caches["default"].clear()  # database 9, given to these tests
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
