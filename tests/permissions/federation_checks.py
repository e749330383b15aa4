"""Signing in through CAS and OpenID Connect's cells of the permission matrix (matrix.py
FEDERATION_RULES), each through a real HTTP request with both providers configured
(their servers are not needed: linking only starts by sending the person to them).

A person sees and links their own identities only: every logged-in person gets their
own page (the teacher's CAS link shows there and nowhere else), and starting a link
sends them to the provider; anonymous visitors are sent to log in. The sign-in doors
themselves are public (tests/permissions/test_url_coverage.py PUBLIC).
"""

from django.test import override_settings
from django.urls import reverse

from federation.models import ExternalIdentity

from .matrix import ANONYMOUS, TEACHER
from .messaging_checks import assert_sent_to_login

PROVIDERS_ON = {
    "CAS_SERVER_URL": "http://127.0.0.1:9/cas/",
    "PREAU_CAS_LABEL": "ENT académique",
    "OIDC_RP_CLIENT_ID": "preau",
    "PREAU_OIDC_ISSUER": "http://127.0.0.1:9",
    "OIDC_OP_USER_ENDPOINT": "http://127.0.0.1:9/userinfo/",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "http://127.0.0.1:9/authorize/",
    "OIDC_OP_TOKEN_ENDPOINT": "http://127.0.0.1:9/token/",
    "OIDC_OP_JWKS_ENDPOINT": "http://127.0.0.1:9/jwks/",
}


def check_linked_accounts(client, world, cell):
    url = reverse("federation:linked_accounts")
    response = client.get(url)
    if cell.role == ANONYMOUS:
        assert not cell.allowed
        assert_sent_to_login(response, url)
        return
    assert cell.allowed and response.status_code == 200, response.status_code
    page = response.content.decode()
    link_button = reverse("federation:cas_link")
    # Linked: no button to link again; everybody else is offered it.
    assert (link_button not in page) == (cell.role == TEACHER), cell.role


def check_link_start(client, world, cell, url_name, provider_host):
    url = reverse(url_name)
    before = ExternalIdentity.objects.count()
    response = client.post(url)
    assert ExternalIdentity.objects.count() == before, "starting a link linked something"
    if cell.role == ANONYMOUS:
        assert not cell.allowed
        assert_sent_to_login(response, url)
        return
    # A page with a link to the provider (a form's redirect would break form-action).
    assert cell.allowed and response.status_code == 200, response.status_code
    assert f'href="{provider_host}' in response.content.decode()


def exercise_federation_cell(client, world, cell):
    with override_settings(**PROVIDERS_ON):
        match cell.action:
            case "linked_accounts_view":
                check_linked_accounts(client, world, cell)
            case "cas_link_start":
                check_link_start(
                    client, world, cell, "federation:cas_link", "http://127.0.0.1:9/cas/"
                )
            case "oidc_link_start":
                check_link_start(
                    client, world, cell, "federation:oidc_link", "http://127.0.0.1:9/authorize/"
                )
            case _:
                raise AssertionError(f"no request for the action {cell.action!r}")
