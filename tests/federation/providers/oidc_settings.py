"""An OpenID Connect provider for the tests (django-oauth-toolkit with OIDC on), signing
its id_tokens RS256 with the key in PROVIDER_RSA_KEY (made by the test)."""

import os
from pathlib import Path

from common import *  # noqa: F403

INSTALLED_APPS = [*BASE_APPS, "oauth2_provider"]  # noqa: F405
ROOT_URLCONF = "oidc_urls"
SESSION_COOKIE_NAME = "test_op_session"
CSRF_COOKIE_NAME = "test_op_csrf"
LOGIN_URL = "/login/"
OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_RSA_PRIVATE_KEY": Path(os.environ["PROVIDER_RSA_KEY"]).read_text(),
    "PKCE_REQUIRED": True,
    "ALLOW_LOCALHOST_LOOPBACK": True,
    "SCOPES": {"openid": "OpenID Connect scope"},
}
