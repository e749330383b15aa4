"""Production: secrets and hosts required from the environment, HTTPS everywhere.

Run behind a TLS-terminating proxy that sets X-Forwarded-Proto; see README "Production".
"""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

SECRET_KEY = env_str("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must be set.")
# gunicorn runs no system check (accounts/checks.py): the app itself refuses to load
# until the operator says how many reverse proxies stand in front (0 included).
if PREAU_PROXY_COUNT is None:  # noqa: F405
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "The environment variable AXES_PROXY_COUNT must be set: the number of reverse "
        "proxies in front of Préau (1 behind one nginx), or 0 when clients connect to it "
        "directly."
    )

# A worker (`manage.py db_worker`) runs background tasks unless told otherwise.
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env_str("TASKS_BACKEND", "database")]
    }
}

# Without Redis each worker would keep public pages of its own, and a purge, made in the
# process that runs it, would leave the others serving the old page: Préau keeps none
# then (a proxy may, README "Production").
if not REDIS_URL:  # noqa: F405
    PREAU_PAGE_CACHE_ALIAS = None
    WAGTAILFRONTENDCACHE.pop("preau", None)  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
# The IdP posts its SAML answer from another site: that cookie must come with it.
SAML_SESSION_COOKIE_SAMESITE = "None"
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Joining the browsers' preload list is a commitment each operator makes for their domain.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail marks its own preview views SAMEORIGIN; nothing else of Préau is framed.
X_FRAME_OPTIONS = "DENY"
