"""Django's Redis cache backend, with one Redis client per pool, that Redis cannot take down.

One client per pool: Django builds a new `redis.Redis` object for every cache call, and
redis-py fills a table of about 170 response callbacks in each: more Python than the
round trip itself, ten times per logged-in page (the session, the generation tokens, the
kept reads). A `redis.Redis` is safe to share between threads (each command borrows a
connection from the pool), so one is kept per pool instead.

Redis out of reach: everything Préau keeps in Redis can be built again from the
database, so a Redis that is down, slow (the `socket_timeout` of the settings) or full
(`noeviction`) must not turn pages into errors. A read it does not answer is a miss, a
write it refuses is not made, both logged; pages are then built from the database and
served uncached. After a connection error or a timeout, this process stops asking Redis
for `retry_seconds`, so that a hung Redis costs one timeout, not one per cache call.

What must not be lost silently is an *invalidation*: a write that makes what was kept
unusable (performance/versions.py). Those use `set_many`, whose answer is, as Django
documents it, the keys that could not be written: here all of them when Redis did not
take the write. The invalidation then fails closed (the change it follows is refused).
`delete` is not used for invalidations; its failure is logged. (Purges of public pages,
performance/page_cache.py, delete: a copy a purge missed expires after its s-maxage.)

`MAX_TIMEOUT` (an optional key of the alias in CACHES) bounds how long any entry lives,
whatever the caller asked: the sessions' copies (their truth is the database) use it, so
that a logout whose delete did not reach Redis leaves a copy for minutes, not weeks.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)


class KeptClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class RedisCache(DjangoRedisCache):
    """`django.core.cache.backends.redis.RedisCache`, same options, degrading instead of
    raising when Redis does not answer (see the module)."""

    # How long a process serves without Redis after it failed to answer.
    retry_seconds = 5

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = KeptClientRedisCacheClient
        self.max_timeout = params.get("MAX_TIMEOUT")
        self._down_until = 0.0

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        timeout = super().get_backend_timeout(timeout)
        if self.max_timeout is None:
            return timeout
        return self.max_timeout if timeout is None else min(timeout, self.max_timeout)

    def answering(self) -> bool:
        """Whether Redis is asked at all (not within `retry_seconds` of a failure)."""
        return time.monotonic() >= self._down_until

    def _or(self, fallback, call, *args, **kwargs):
        """`call`'s answer, or `fallback` when Redis does not give one."""
        if not self.answering():
            return fallback
        try:
            return call(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            self._down_until = time.monotonic() + self.retry_seconds
            logger.error(
                "Redis did not answer (%s): pages are served without the cache for %s s.",
                error,
                self.retry_seconds,
            )
        except RedisError as error:  # a refused write: Redis full under noeviction
            logger.error("Redis refused %s: %s", call.__name__, error)
        return fallback

    def get(self, key, default=None, version=None):
        return self._or(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._or({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._or(False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, super().touch, key, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        """The keys not written: none, or all of them when Redis did not take the write."""
        return self._or(list(data), super().set_many, data, timeout, version)

    def delete(self, key, version=None):
        return self._or(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._or(None, super().delete_many, keys, version)
