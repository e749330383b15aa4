"""Préau's Redis cache backend: one Redis client per connection pool, and a Redis out of
reach (stopped, timing out, full) serves misses instead of errors, while invalidations
fail closed."""

import logging
import uuid

import pytest

from performance import versions
from performance.redis_cache import RedisCache

CLOSED_PORT = "redis://127.0.0.1:1/9"
# The only Redis database the test suite may write to.
TEST_DATABASE = "redis://127.0.0.1:6379/9"


def test_one_client_per_pool_is_reused():
    """Django's backend builds a client at every call; ours gives the same one back."""
    backend = RedisCache("redis://127.0.0.1:6379/9", {})
    client = backend._cache.get_client(write=True)
    assert backend._cache.get_client(write=True) is client
    assert backend._cache.get_client("a key", write=False) is backend._cache.get_client()


# Redis out of reach: pages go on, invalidations fail closed


def test_a_redis_out_of_reach_answers_misses_and_takes_no_write(caplog):
    """Every read is a miss, every write is not made, and it is logged once."""
    backend = RedisCache(CLOSED_PORT, {})
    with caplog.at_level(logging.ERROR, logger="performance.redis_cache"):
        assert backend.get("a", "default") == "default"
        assert backend.get_many(["a", "b"]) == {}
        assert backend.has_key("a") is False
        assert backend.add("a", 1) is False
        assert backend.set("a", 1) is None
        assert backend.touch("a") is False
        assert backend.delete("a") is False
        assert backend.delete_many(["a"]) is None
        # Django's contract: the keys that were not written.
        assert sorted(backend.set_many({"a": 1, "b": 2})) == ["a", "b"]
    assert caplog.text.count("Redis did not answer") == 1
    assert not backend.answering()  # not asked again before retry_seconds


def test_redis_is_asked_again_after_the_retry_delay():
    backend = RedisCache(CLOSED_PORT, {})
    backend.retry_seconds = 0
    backend.get("a")
    assert backend.answering()


def test_a_working_redis_is_used_as_before():
    backend = RedisCache(TEST_DATABASE, {"KEY_PREFIX": f"preau-test-{uuid.uuid4().hex}"})
    try:
        assert backend.set_many({"a": 1, "b": 2}) == []
        assert backend.get_many(["a", "b"]) == {"a": 1, "b": 2}
        assert backend.delete("a") is True
    finally:
        backend.delete_many(["a", "b"])


def test_max_timeout_bounds_every_entry_s_life():
    """The sessions' copies: whatever lifetime the session asks, at most MAX_TIMEOUT."""
    prefix = f"preau-test-{uuid.uuid4().hex}"
    backend = RedisCache(TEST_DATABASE, {"KEY_PREFIX": prefix, "MAX_TIMEOUT": 300})
    try:
        backend.set("session", {"user": 1}, 14 * 24 * 3600)
        backend.set("forever", 1, None)
        client = backend._cache.get_client(write=True)
        assert 0 < client.ttl(backend.make_key("session")) <= 300
        assert 0 < client.ttl(backend.make_key("forever")) <= 300
    finally:
        backend.delete_many(["session", "forever"])


@pytest.fixture
def cache_out_of_reach(settings):
    settings.CACHES = {
        "default": {"BACKEND": "performance.redis_cache.RedisCache", "LOCATION": CLOSED_PORT}
    }
    settings.PREAU_VERSION_SECONDS = 3600
    settings.PREAU_PAGE_CACHE_SECONDS = 600
    yield
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def test_kept_reads_are_read_afresh_when_redis_is_out_of_reach(cache_out_of_reach):
    calls = []

    def load():
        calls.append(1)
        return len(calls)

    assert versions.cached("unit:out", ("unit-scope",), load) == 1
    assert versions.cached("unit:out", ("unit-scope",), load) == 2


def test_an_invalidation_redis_does_not_take_fails_closed(cache_out_of_reach):
    """A version is not given up silently."""
    with pytest.raises(versions.InvalidationFailed):
        versions.bump("unit-scope")
