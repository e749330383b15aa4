"""Signing in through an OpenID Connect provider, with mozilla-django-oidc."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _


def enabled() -> bool:
    # The issuer is required even with explicit endpoints: every id_token's `iss` is
    # checked against it (backends.py).
    return bool(
        getattr(settings, "OIDC_RP_CLIENT_ID", None)
        and getattr(settings, "PREAU_OIDC_ISSUER", None)
    )


def provider_key() -> str:
    return getattr(settings, "PREAU_OIDC_PROVIDER", None) or "oidc"


def label():
    return getattr(settings, "PREAU_OIDC_LABEL", None) or _("OpenID Connect")
