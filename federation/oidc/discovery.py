"""The provider's endpoints, from the configuration or its discovery document.

With PREAU_OIDC_ISSUER alone, the endpoints come from
`<issuer>/.well-known/openid-configuration`, fetched when first needed (never at
start-up: Préau starts even when the provider is down) and cached for an hour. An
endpoint set explicitly wins. mozilla-django-oidc reads its settings through
`get_settings()`, which the backend and views here answer with `setting()`.
"""

import requests
from django.conf import settings
from django.core.cache import cache
from mozilla_django_oidc.utils import import_from_settings

DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
}


def issuer():
    return (getattr(settings, "PREAU_OIDC_ISSUER", None) or "").rstrip("/")


def discovery_document():
    if not issuer():
        return {}
    key = f"federation:oidc-discovery:{issuer()}"
    document = cache.get(key)
    if document is None:
        response = requests.get(
            f"{issuer()}/.well-known/openid-configuration",
            timeout=getattr(settings, "OIDC_TIMEOUT", None) or 10,
        )
        response.raise_for_status()
        document = response.json()
        cache.set(key, document, 3600)
    return document


def setting(attr, *args):
    value = getattr(settings, attr, None)
    if value in (None, "") and attr in DISCOVERED:
        value = discovery_document().get(DISCOVERED[attr])
        if value is None and attr == "OIDC_OP_USER_ENDPOINT":
            return ""  # Préau reads the verified id_token, not the userinfo endpoint
    if value in (None, ""):
        return import_from_settings(attr, *args)
    return value
