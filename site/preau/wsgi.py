"""WSGI entry point for gunicorn (`gunicorn --pythonpath site preau.wsgi`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "preau.settings.production")

application = get_wsgi_application()
