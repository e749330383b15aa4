"""A CAS server for the tests (django-cas-server, CAS protocol 3)."""

from common import *  # noqa: F403

INSTALLED_APPS = [*BASE_APPS, "cas_server"]  # noqa: F405
ROOT_URLCONF = "cas_urls"
SESSION_COOKIE_NAME = "test_cas_session"
CSRF_COOKIE_NAME = "test_cas_csrf"
CAS_SHOW_POWERED = False
CAS_NEW_VERSION_HTML_WARNING = False
CAS_NEW_VERSION_EMAIL_WARNING = False
# No stylesheets from a CDN: the tests run offline.
CAS_COMPONENT_URLS = dict.fromkeys(
    ("bootstrap3_css", "bootstrap3_js", "bootstrap4_css", "bootstrap4_js"),
    "data:,",
) | dict.fromkeys(("html5shiv", "respond", "jquery"), "data:,")
