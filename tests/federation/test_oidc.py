"""OpenID Connect sign-in against a real provider (django-oauth-toolkit with OIDC on)
started on 127.0.0.1: authorization code flow with PKCE, code exchanged for tokens, the
id_token's RS256 signature checked with the provider's JWKS, its audience, issuer and
nonce too; the `sub` signs in to the account linked to it, and nothing else does."""

import time

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory
from django.urls import reverse

from federation import identities
from federation.models import ExternalIdentity
from federation.oidc.backends import OIDCIdentityBackend
from tests.federation.flows import local, query, sign_in_at_provider
from tests.federation.providers.fixtures import OIDC_CLIENT

pytestmark = pytest.mark.django_db

SOPHIE_SUB = "1"  # django-oauth-toolkit's `sub` is the person's id at the provider


def start(client, next_url="/classes/"):
    response = client.get("/connexion/oidc/" + (f"?next={next_url}" if next_url else ""))
    assert response.status_code == 302
    return response["Location"]


def oidc_sign_in(client, username, password="op-password", next_url="/classes/"):
    authorize = start(client, next_url)
    assert query(authorize)["code_challenge_method"] == "S256"  # PKCE
    back = sign_in_at_provider(authorize, username, password)
    assert back.startswith("http://testserver/connexion/oidc/retour/?")
    return client.get(local(back))


def test_linked_parent_signs_in(client, world, oidc_on):
    identities.link(world.parent, "oidc", SOPHIE_SUB)
    response = oidc_sign_in(client, "sophie.oidc")
    assert response.status_code == 302 and response["Location"] == "/classes/"
    assert client.session["_auth_user_id"] == str(world.parent.pk)


def test_without_next_the_parent_lands_in_their_space(client, world, oidc_on):
    identities.link(world.parent, "oidc", SOPHIE_SUB)
    response = oidc_sign_in(client, "sophie.oidc", next_url="")
    assert response["Location"] == world.classroom.url  # the one class of their child
    assert client.session["_auth_user_id"] == str(world.parent.pk)


def test_unknown_sub_gets_a_page_saying_how_to_link(client, world, oidc_on):
    response = oidc_sign_in(client, "stranger.oidc")
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "Connexion académique OIDC" in page
    assert ExternalIdentity.objects.count() == 0


def test_closed_account_is_refused(client, world, oidc_on):
    identities.link(world.parent, "oidc", SOPHIE_SUB)
    world.parent.is_active = False
    world.parent.save()
    assert oidc_sign_in(client, "sophie.oidc").status_code == 403
    assert "_auth_user_id" not in client.session


def test_a_nonce_that_does_not_match_is_refused(client, world, oidc_on):
    identities.link(world.parent, "oidc", SOPHIE_SUB)
    authorize = start(client)
    session = client.session
    state = query(authorize)["state"]
    session["oidc_states"][state]["nonce"] = "not-the-nonce-sent"
    session.save()
    back = sign_in_at_provider(authorize, "sophie.oidc", "op-password")
    response = client.get(local(back))
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_logged_in_person_links_their_oidc_account(client, world, oidc_on):
    client.force_login(world.parent)
    response = client.post(reverse("federation:oidc_link"))
    back = sign_in_at_provider(response.context["continue_url"], "sophie.oidc", "op-password")
    response = client.get(local(back))
    assert response["Location"] == reverse("federation:linked_accounts")
    assert ExternalIdentity.objects.get(provider="oidc", subject=SOPHIE_SUB).user == world.parent
    page = client.get(response["Location"]).content.decode()
    assert reverse("federation:oidc_link") not in page  # linked: no button any more
    client.logout()
    oidc_sign_in(client, "sophie.oidc")
    assert client.session["_auth_user_id"] == str(world.parent.pk)


def test_not_configured_no_button_and_404(client, world, settings):
    settings.OIDC_RP_CLIENT_ID = None
    assert "/connexion/oidc/" not in client.get(reverse("accounts:login")).content.decode()
    assert client.get("/connexion/oidc/").status_code == 404
    assert client.get("/connexion/oidc/retour/?code=x&state=y").status_code == 404


# The id_token checks, with tokens the test signs itself: with the provider's own key
# (the test made it) but a wrong audience or nonce, or with another key under the
# provider's key id. The JWKS is read from the running provider.


@pytest.fixture
def backend(oidc_on):
    backend = OIDCIdentityBackend()
    backend.load_settings()
    backend.request = RequestFactory().get("/")
    return backend


def provider_kid(provider):
    return requests.get(f"{provider.url}/.well-known/jwks.json", timeout=10).json()["keys"][0][
        "kid"
    ]


def id_token(provider, key=None, **claims):
    now = int(time.time())
    payload = {
        "iss": provider.url,
        "sub": SOPHIE_SUB,
        "aud": OIDC_CLIENT["client_id"],
        "iat": now,
        "exp": now + 300,
        "nonce": "the-nonce",
    } | claims
    key = key or provider.private_key_pem
    return jwt.encode(payload, key, algorithm="RS256", headers={"kid": provider_kid(provider)})


def test_a_well_formed_id_token_is_accepted(backend, oidc_on):
    assert backend.verify_token(id_token(oidc_on), nonce="the-nonce")["sub"] == SOPHIE_SUB


def test_an_id_token_signed_with_another_key_is_refused(backend, oidc_on):
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(id_token(oidc_on, key=other_key), nonce="the-nonce")


def test_an_id_token_for_another_client_is_refused(backend, oidc_on):
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(id_token(oidc_on, aud="other-service"), nonce="the-nonce")


def test_an_id_token_from_another_issuer_is_refused(backend, oidc_on):
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(id_token(oidc_on, iss="http://127.0.0.1:1/o"), nonce="the-nonce")


def test_an_id_token_with_another_nonce_is_refused(backend, oidc_on):
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(id_token(oidc_on, nonce="replayed"), nonce="the-nonce")


def test_an_unsigned_id_token_is_refused(backend, oidc_on):
    unsigned = jwt.encode({"sub": SOPHIE_SUB, "aud": "preau"}, None, algorithm="none")
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(unsigned, nonce=None)
