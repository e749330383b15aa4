"""Signing in through a CAS server (an académie's ENT), with django-cas-ng's client."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _


def enabled() -> bool:
    return bool(getattr(settings, "CAS_SERVER_URL", None))


def provider_key() -> str:
    return getattr(settings, "PREAU_CAS_PROVIDER", None) or "cas"


def label():
    return getattr(settings, "PREAU_CAS_LABEL", None) or _("CAS")
