"""The identity providers Préau can sign people in through, as the login page lists them.

Each protocol module (SAML, CAS, OIDC) registers its providers here from
FederationConfig.ready(), with a test of whether the configuration switches it on: a
provider that is not configured is not offered, and its addresses answer 404.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode


@dataclass(frozen=True)
class Provider:
    key: str  # as in ExternalIdentity.provider, e.g. "educonnect"
    label: object  # what the login page's button says (lazy translation)
    url_name: str  # the view that starts signing in; it takes ?next=
    enabled: Callable[[], bool]
    url_args: tuple = ()  # e.g. the provider's key, when one view serves several


_providers: dict[str, Provider] = {}


def register(provider: Provider) -> None:
    _providers[provider.key] = provider


def enabled_providers() -> list[Provider]:
    return [provider for provider in _providers.values() if provider.enabled()]


def sign_in_choices(request, next_url):
    """The `preau_sign_in_choices` hook: a button per enabled provider on the login page."""
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    return [
        {"label": provider.label, "url": reverse(provider.url_name, args=provider.url_args) + query}
        for provider in enabled_providers()
    ]
