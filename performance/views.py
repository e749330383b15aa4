"""The health check: what is up, through Préau's whole middleware stack.

Load balancers poll it to know a server can serve; monitoring reads which part is down.
It asks the database for `SELECT 1` (no table) and writes one short-lived key to each
cache; its JSON body gives each one's state, "ok" or "down". It answers 200 while the
database answers, for pages are then served, uncached if Redis is down
(performance/redis_cache.py), and 503 when the database does not: nothing can be served.

The benchmark uses it as the machine's ceiling T (a trivial Django view, same middleware,
same workers), against which every page's throughput is given as a ratio.
"""

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

HEALTH_KEY = "preau:health"
OK, DOWN = "ok", "down"


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return DOWN
    return OK


def cache_state() -> str:
    """Down when any cache does not take a write (Redis out of reach, or full); aliases on
    the same server (the sessions' copies) are asked once."""
    servers = {}
    for alias, options in settings.CACHES.items():
        servers.setdefault((options["BACKEND"], options.get("LOCATION", alias)), alias)
    for alias in servers.values():
        try:
            # The keys it did not write (Django's contract; performance/redis_cache.py).
            if caches[alias].set_many({HEALTH_KEY: 1}, timeout=10):
                return DOWN
        except Exception:  # a backend that raises rather than answer
            return DOWN
    return OK


@never_cache
def health(request):
    states = {"database": database_state(), "cache": cache_state()}
    if states["database"] == DOWN:
        status = "down"
    elif DOWN in states.values():
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse({"status": status, **states}, status=503 if status == "down" else 200)
