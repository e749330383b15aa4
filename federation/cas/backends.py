"""The CAS backend: a ticket the CAS server validates gives a CAS user name, which
signs in to the account linked to it (federation.ExternalIdentity) and to no other.

django-cas-ng's CASBackend looks the user up by username (or CAS_LOCAL_NAME_FIELD) and
may create one; Préau never matches by name, so authenticate() keeps the library's
ticket validation (get_cas_client().verify_ticket) and its clean_username() and
bad_attributes_reject() hooks, and replaces the lookup with federation.linking.resolve.
"""

from django_cas_ng.backends import CASBackend
from django_cas_ng.utils import get_cas_client

from .. import cas
from ..linking import SignInOnly, resolve


class CASIdentityBackend(SignInOnly, CASBackend):
    def authenticate(self, request, ticket, service):
        if request is None or not cas.enabled():
            return None
        client = get_cas_client(service_url=service, request=request)
        try:
            username, attributes, _pgtiou = client.verify_ticket(ticket)
        except Exception:  # noqa: BLE001 — an unreachable or garbled server refuses the login
            return None
        if not username:
            return None
        username = self.clean_username(username)
        if attributes and self.bad_attributes_reject(request, username, attributes):
            return None
        user = resolve(request, cas.provider_key(), username)
        return user if self.user_can_authenticate(user) else None

    def configure_user(self, user):
        """Never called: CAS_CREATE_USER is False, Préau creates no account on sign-in."""
        return user
