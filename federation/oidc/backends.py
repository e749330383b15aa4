"""The OpenID Connect backend: an authorization code exchanged for an id_token whose
RS256 signature (checked with the provider's JWKS), audience, issuer, expiry and nonce
hold; its `sub` signs in to the account linked to it, never one matched by e-mail.

Built on mozilla-django-oidc's OIDCAuthenticationBackend through its documented
methods: get_payload_data (the library skips the audience check: done here),
get_userinfo (the id_token's claims are enough: only `sub` is used), verify_claims,
filter_users_by_claims (ExternalIdentity) and create_user (never: OIDC_CREATE_USER is
False too).
"""

import jwt
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .. import oidc
from ..linking import SignInOnly, resolve
from . import discovery


class OIDCIdentityBackend(SignInOnly, OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        # The library reads (and checks) its settings here; Django builds every backend
        # for every login, password ones included, so that waits for an OIDC callback.
        self.UserModel = get_user_model()

    @staticmethod
    def get_settings(attr, *args):
        return discovery.setting(attr, *args)

    def authenticate(self, request, **kwargs):
        # Only the callback passes a nonce; a password or ticket login is not ours.
        if request is None or "nonce" not in kwargs or not oidc.enabled():
            return None
        self.load_settings()
        return super().authenticate(request, **kwargs)

    def load_settings(self):
        """The library's own __init__: reads the endpoints, client and algorithm."""
        super().__init__()

    def checked_header(self, token):
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as error:
            raise SuspiciousOperation(f"id_token refused: {error}") from error
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("The id_token is not signed with the expected algorithm.")
        return header

    def retrieve_matching_jwk(self, token):
        # The library reads the header's key id unchecked: an unsigned token has none.
        if "kid" not in self.checked_header(token):
            raise SuspiciousOperation("The id_token names no signing key.")
        return super().retrieve_matching_jwk(token)

    def get_payload_data(self, token, key):
        self.checked_header(token)
        try:
            return jwt.decode(
                token,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=discovery.issuer(),
                options={"require": ["exp", "iat", "sub", "aud", "iss"]},
                leeway=30,
            )
        except jwt.InvalidTokenError as error:
            raise SuspiciousOperation(f"id_token refused: {error}") from error

    def get_userinfo(self, access_token, id_token, payload):
        return payload

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims):
        user = resolve(self.request, oidc.provider_key(), claims.get("sub"))
        if user is None or not self.user_can_authenticate(user):
            return self.UserModel.objects.none()
        return [user]

    def create_user(self, claims):
        raise SuspiciousOperation("Préau creates no account on sign-in.")
