"""Local development: debug pages, a throw-away secret, e-mails printed to the console."""

from .base import *  # noqa: F403
from .env import env_str

PREAU_ENVIRONMENT = "development"

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Plain static storage: no collectstatic needed while developing.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The scale seeding and the benchmark driver (devtools/): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
