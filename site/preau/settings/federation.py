"""Signing in through identity providers (federation/), read by base.py: each protocol is
off until the environment configures it (README "Signing in with EduConnect, an académie
(SAML), CAS or OpenID Connect")."""

import json

from .env import env_str

# SAML 2.0 sign-in (federation/saml/config.py): a JSON list of providers, none by default.
PREAU_SAML_PROVIDERS = json.loads(env_str("PREAU_SAML_PROVIDERS", "") or "[]")
SAML_CREATE_UNKNOWN_USER = False  # an unknown identity signs nobody in, creates nothing
SAML_ATTRIBUTE_MAPPING = {}  # nothing the IdP says changes an account
SAML_DEFAULT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
SAML_CSP_HANDLER = ""  # requests leave by redirect: no form, no script to allow
# The IdP's answer is a cross-site POST: in production (HTTPS) the SAML session cookie is
# SameSite=None; Secure (production.py). Lax suffices when the IdP is on the same site.
SAML_SESSION_COOKIE_SAMESITE = "Lax"

# CAS (django-cas-ng, federation/cas): on when PREAU_CAS_SERVER_URL is set. The CAS user
# name is matched against the identities people linked (never against usernames), and
# no account is ever created.
CAS_SERVER_URL = env_str("PREAU_CAS_SERVER_URL")
CAS_VERSION = env_str("PREAU_CAS_VERSION", "3")
PREAU_CAS_LABEL = env_str("PREAU_CAS_LABEL")
PREAU_CAS_PROVIDER = env_str("PREAU_CAS_PROVIDER", "cas")
CAS_CREATE_USER = False
CAS_IGNORE_REFERER = True
CAS_REDIRECT_URL = "accounts:my_spaces"  # as LOGIN_REDIRECT_URL

# OpenID Connect (mozilla-django-oidc, federation/oidc): on with a client id and either
# PREAU_OIDC_ISSUER (endpoints from its discovery document) or explicit endpoints.
# Authorization code flow with PKCE, id_token signed RS256 checked with the JWKS.
PREAU_OIDC_ISSUER = env_str("PREAU_OIDC_ISSUER")
PREAU_OIDC_LABEL = env_str("PREAU_OIDC_LABEL")
PREAU_OIDC_PROVIDER = env_str("PREAU_OIDC_PROVIDER", "oidc")
OIDC_RP_CLIENT_ID = env_str("PREAU_OIDC_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = env_str("PREAU_OIDC_CLIENT_SECRET", "")
OIDC_RP_SCOPES = env_str("PREAU_OIDC_SCOPES", "openid")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("PREAU_OIDC_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = env_str("PREAU_OIDC_TOKEN_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = env_str("PREAU_OIDC_JWKS_ENDPOINT")
OIDC_OP_USER_ENDPOINT = env_str("PREAU_OIDC_USERINFO_ENDPOINT")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "federation:oidc_callback"
