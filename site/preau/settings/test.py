"""The test suite: fast hasher, in-memory e-mail, immediate tasks, plain static storage.

DATABASE_URL and REDIS_URL still apply, so CI runs the same suite on PostgreSQL and Redis.
"""

from .base import *  # noqa: F403

PREAU_ENVIRONMENT = "test"
# The scale seeding and the benchmark driver (devtools/) are tested; never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405

SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The browser tests' live server serves each browser connection in a thread of its own,
# which HTTP keep-alive keeps open while the tab lives: with persistent database
# connections every such thread held one, and two test processes' tabs once went past
# PostgreSQL's 100 connections (CI). In tests a database connection ends with its request.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A test must not pass or fail with the hour it runs at: the pupils' quiet hours are
# tested with the setting on and a clock of their own (tests/notifications/).
PREAU_PUPIL_QUIET_HOURS = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Tests run in parallel processes (pytest-xdist, `make test`): each gets its own Redis
# database, the URL's number plus the worker's (gw0 → +0, gw1 → +1), because a test
# empties the cache before it starts (tests/conftest.py) and FLUSHDB empties a whole
# database; and its own key namespace, for a second run sharing the same server.
if REDIS_URL:  # noqa: F405
    import os
    from urllib.parse import urlsplit, urlunsplit

    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    _url = urlsplit(REDIS_URL)  # noqa: F405
    _database = int(_url.path.strip("/") or 0) + int(_worker.removeprefix("gw") or 0)
    for alias in CACHES.values():  # noqa: F405
        alias["LOCATION"] = urlunsplit(_url._replace(path=f"/{_database}"))
        alias["KEY_PREFIX"] = f"preau-test-{os.getpid()}"
# Serve static files from the apps' folders, as in development: no collectstatic in tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
