"""Préau's Redis cache backend keeps one Redis client per connection pool."""

from performance.redis_cache import RedisCache


def test_one_client_per_pool_is_reused():
    """Django's backend builds a client at every call; ours gives the same one back."""
    backend = RedisCache("redis://127.0.0.1:6379/9", {})
    client = backend._cache.get_client(write=True)
    assert backend._cache.get_client(write=True) is client
    assert backend._cache.get_client("a key", write=False) is backend._cache.get_client()
