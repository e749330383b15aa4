"""Real identity providers for the federation tests and the browser journey, started
once per test session in subprocesses on 127.0.0.1 (tests/federation/providers/serve.py).
Test modules import these fixtures (tests/federation/conftest.py, the browser test)."""

import pytest

from tests.federation.providers.servers import start_cas_server, start_oidc_provider

CAS_PEOPLE = [("claire.cas", "cas-password"), ("stranger.cas", "cas-password")]
OIDC_PEOPLE = [("sophie.oidc", "op-password"), ("stranger.oidc", "op-password")]
OIDC_CLIENT = {"client_id": "preau", "client_secret": "preau-secret"}
OTHER_CLIENT = {"client_id": "other-service", "client_secret": "other-secret"}


@pytest.fixture(scope="session")
def cas_server(tmp_path_factory):
    server = start_cas_server(tmp_path_factory.mktemp("cas"), CAS_PEOPLE)
    yield server
    server.stop()


def oidc_redirect_uris():
    # Préau's callback as the test client (testserver) and a live server see it (any port:
    # the provider treats loopback addresses as RFC 8252 says).
    return [
        "http://testserver/connexion/oidc/retour/",
        "http://localhost/connexion/oidc/retour/",
        "http://127.0.0.1/connexion/oidc/retour/",
    ]


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    clients = [
        dict(OIDC_CLIENT, redirect_uris=oidc_redirect_uris()),
        dict(OTHER_CLIENT, redirect_uris=["http://127.0.0.1:1/callback/"]),
    ]
    provider = start_oidc_provider(tmp_path_factory.mktemp("oidc"), OIDC_PEOPLE, clients)
    yield provider
    provider.stop()


@pytest.fixture
def cas_on(settings, cas_server):
    settings.CAS_SERVER_URL = cas_server.url
    settings.CAS_VERSION = "3"
    settings.PREAU_CAS_LABEL = "ENT académique"
    return cas_server


@pytest.fixture
def oidc_on(settings, oidc_provider):
    settings.PREAU_OIDC_ISSUER = oidc_provider.url
    settings.OIDC_RP_CLIENT_ID = OIDC_CLIENT["client_id"]
    settings.OIDC_RP_CLIENT_SECRET = OIDC_CLIENT["client_secret"]
    settings.PREAU_OIDC_LABEL = "Connexion académique OIDC"
    return oidc_provider
