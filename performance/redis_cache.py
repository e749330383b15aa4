"""Django's Redis cache backend, with one Redis client per connection pool.

Django builds a new `redis.Redis` object for every cache call, and redis-py fills a
table of about 170 response callbacks in each: more Python than the round trip itself,
ten times per logged-in page (the session, the generation tokens, the kept reads). A
`redis.Redis` is safe to share between threads (each command borrows a connection from
the pool), so one is kept per pool instead.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


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
    """`django.core.cache.backends.redis.RedisCache`, same options (see the module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = KeptClientRedisCacheClient
