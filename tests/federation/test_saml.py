"""SAML sign-in (federation/saml/) end to end against a real IdP on 127.0.0.1 (pysaml2's
Server, saml_idp.py): the SP's request goes to it over HTTP, its signed answer comes back
to the ACS. Accounts are found by the linked identifier only; forged, unsigned, replayed
and unsolicited answers sign nobody in."""

import base64
import html
import logging
import re
from types import SimpleNamespace
from urllib.parse import urlencode, urlparse

import pytest
import requests
from django.urls import reverse

from federation import identities
from federation.models import ExternalIdentity
from tests.federation.saml_idp import LocalIdP, form_fields, make_key_pair

pytestmark = pytest.mark.django_db

LOGIN = "/connexion/saml/educonnect/"
# Pages are read in English: the French wording comes with the translations.


@pytest.fixture(autouse=True)
def saml_logs(caplog):
    caplog.set_level(logging.INFO, logger="djangosaml2")
    caplog.set_level(logging.INFO, logger="saml2")


@pytest.fixture
def saml(tmp_path, settings, client):
    sp_key, sp_cert = make_key_pair(tmp_path, "sp")
    idp = LocalIdP(tmp_path)
    settings.PREAU_SAML_PROVIDERS = [
        {
            "key": "educonnect",
            "label": "EduConnect",
            "idp_metadata": str(idp.metadata_file),
            "sp_key": str(sp_key),
            "sp_cert": str(sp_cert),
        }
    ]
    sp_metadata = tmp_path / "sp-metadata.xml"
    response = client.get("/connexion/saml/educonnect/metadata/")
    assert response.status_code == 200
    sp_metadata.write_bytes(response.content)
    idp.start(sp_metadata)
    idp.users["famille.martin"] = ("secret-edu", "FR-EDU-7f3a9c")
    yield SimpleNamespace(idp=idp, folder=tmp_path, sp_metadata=sp_metadata)
    idp.stop()


def answer_from(
    idp_url, client, username="famille.martin", password="secret-edu", next_url="", start=LOGIN
):
    """Press the button, sign in at the IdP (real HTTP): the IdP's auto-posting form."""
    start = client.get(start + (f"?{urlencode({'next': next_url})}" if next_url else ""))
    assert start.status_code == 302, start
    location = start["Location"]
    sso = urlparse(location)
    login_page = requests.get(f"{idp_url}{sso.path}?{sso.query}", timeout=10)
    assert login_page.status_code == 200
    action, fields = form_fields(login_page.text)
    fields.update(username=username, password=password)
    answer = requests.post(f"{idp_url}{action}", data=fields, timeout=10)
    assert answer.status_code == 200
    return form_fields(answer.text)


def to_idp(link_page):
    """The « Continue to EduConnect » address on the page a link request answers."""
    assert link_page.status_code == 200, link_page
    found = re.search(r'href="(http://127\.0\.0\.1:[0-9]+/sso\?[^"]+)"', link_page.content.decode())
    return urlparse(html.unescape(found.group(1)))


def post_answer(client, form):
    action, fields = form
    return client.post(urlparse(action).path, fields)


def logged_in_as(client):
    return client.session.get("_auth_user_id")


def test_a_linked_parent_signs_in_and_lands_in_their_space(client, saml, world):
    identities.link(world.parent, "educonnect", "FR-EDU-7f3a9c")
    form = answer_from(saml.idp.url, client)
    assert urlparse(form[0]).path == "/connexion/saml/educonnect/acs/"
    response = post_answer(client, form)
    assert response.status_code == 302
    assert logged_in_as(client) == str(world.parent.pk)
    # The usual landing: a parent of one class goes to it (accounts/views.landing_url).
    assert response["Location"] == world.classroom.url
    identity = ExternalIdentity.objects.get(user=world.parent)
    assert identity.last_used_at is not None


def test_an_encrypted_assertion_is_read_with_the_sp_key(client, saml, world):
    """EduConnect encrypts its assertions to the SP's certificate (its metadata)."""
    identities.link(world.parent, "educonnect", "FR-EDU-7f3a9c")
    saml.idp.encrypt = True
    form = answer_from(saml.idp.url, client)
    assert "EncryptedAssertion" in base64.b64decode(form[1]["SAMLResponse"]).decode()
    response = post_answer(client, form)
    assert response.status_code == 302
    assert logged_in_as(client) == str(world.parent.pk)


def test_next_is_respected(client, saml, world):
    identities.link(world.parent, "educonnect", "FR-EDU-7f3a9c")
    response = post_answer(client, answer_from(saml.idp.url, client, next_url="/messages/"))
    assert response["Location"] == "/messages/"
    assert logged_in_as(client) == str(world.parent.pk)


def test_an_outside_next_is_not_followed(client, saml, world):
    identities.link(world.parent, "educonnect", "FR-EDU-7f3a9c")
    response = post_answer(
        client, answer_from(saml.idp.url, client, next_url="https://evil.example/")
    )
    assert logged_in_as(client) == str(world.parent.pk)
    assert "evil.example" not in response["Location"]


def test_an_unknown_identity_signs_nobody_in_and_says_how_to_link(client, saml, world):
    # Same name as a Préau account: names are never used.
    world.parent.username = "famille.martin"
    world.parent.save()
    response = post_answer(client, answer_from(saml.idp.url, client, start=LOGIN))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Votre compte EduConnect n’est pas encore lié à Préau" in page
    assert "Lier mon compte EduConnect" in page
    assert logged_in_as(client) is None
    assert not ExternalIdentity.objects.exists()


def test_a_closed_account_is_refused(client, saml, world):
    identities.link(world.parent, "educonnect", "FR-EDU-7f3a9c")
    world.parent.is_active = False
    world.parent.save()
    response = post_answer(client, answer_from(saml.idp.url, client, start=LOGIN))
    assert response.status_code == 403
    assert "Ce compte est fermé" in response.content.decode()
    assert logged_in_as(client) is None


def test_a_forged_assertion_is_refused(client, saml, world, caplog):
    """Signed by another key under the real IdP's name: the SP trusts only the key in
    the IdP's metadata."""
    identities.link(world.parent, "educonnect", "FR-EDU-7f3a9c")
    forger = LocalIdP(
        saml.folder, entity_id=saml.idp.entity_id, sso_url=saml.idp.sso_url, name="forger"
    )
    forger.start(saml.sp_metadata)
    forger.users = dict(saml.idp.users)
    try:
        response = post_answer(client, answer_from(forger.url, client, start=LOGIN))
    finally:
        forger.stop()
    assert response.status_code == 403
    assert "n’a pas pu être vérifiée" in response.content.decode()
    assert logged_in_as(client) is None
    assert "SignatureError" in caplog.text


def test_an_unsigned_assertion_is_refused(client, saml, world, caplog):
    identities.link(world.parent, "educonnect", "FR-EDU-7f3a9c")
    saml.idp.sign = False
    response = post_answer(client, answer_from(saml.idp.url, client))
    assert response.status_code == 403
    assert logged_in_as(client) is None
    assert "Signature missing" in caplog.text


def test_a_replayed_or_unsolicited_answer_is_refused(client, saml, world, caplog):
    identities.link(world.parent, "educonnect", "FR-EDU-7f3a9c")
    form = answer_from(saml.idp.url, client)
    assert post_answer(client, form).status_code == 302
    client.logout()
    again = post_answer(client, form)
    assert again.status_code == 403
    assert logged_in_as(client) is None
    assert "UnsolicitedResponse" in caplog.text
    # Another browser, which never asked: IdP-initiated answers are off.
    other = client.__class__()
    assert post_answer(other, form).status_code == 403
    assert other.session.get("_auth_user_id") is None


def test_an_identifier_attribute_can_be_chosen(client, saml, world, settings):
    """EduConnect's FrEduCtId attribute instead of the NameID, when so configured."""
    provider = dict(settings.PREAU_SAML_PROVIDERS[0], identifier="FrEduCtId")
    settings.PREAU_SAML_PROVIDERS = [provider]
    saml.idp.attribute = "FrEduCtId"
    identities.link(world.parent, "educonnect", "FR-EDU-7f3a9c")
    response = post_answer(client, answer_from(saml.idp.url, client))
    assert response.status_code == 302
    assert logged_in_as(client) == str(world.parent.pk)


def test_a_parent_links_their_account_from_their_space(client, saml, world):
    client.force_login(world.parent)
    spaces = client.get("/compte/mes-espaces/").content.decode()
    assert "/connexion/comptes-lies/" in spaces
    page = client.get("/connexion/comptes-lies/").content.decode()
    assert "Lier mon compte EduConnect" in page
    sso = to_idp(client.post("/connexion/saml/educonnect/lier/"))
    login_page = requests.get(f"{saml.idp.url}{sso.path}?{sso.query}", timeout=10)
    action, fields = form_fields(login_page.text)
    fields.update(username="famille.martin", password="secret-edu")
    answer = requests.post(f"{saml.idp.url}{action}", data=fields, timeout=10)
    done = post_answer(client, form_fields(answer.text))
    assert done.status_code == 302
    assert done["Location"] == "/connexion/comptes-lies/"
    assert identities.account_for("educonnect", "FR-EDU-7f3a9c") == world.parent
    page = client.get(done["Location"]).content.decode()
    assert "Votre compte EduConnect est lié : la prochaine fois" in page
    assert "Lier mon compte EduConnect" not in page
    # From now on the parent signs in through EduConnect.
    client.logout()
    post_answer(client, answer_from(saml.idp.url, client))
    assert logged_in_as(client) == str(world.parent.pk)


def test_an_identity_linked_to_someone_else_is_not_moved(client, saml, world):
    identities.link(world.teacher, "educonnect", "FR-EDU-7f3a9c")
    client.force_login(world.parent)
    sso = to_idp(client.post(reverse("federation:saml_link", args=["educonnect"])))
    login_page = requests.get(f"{saml.idp.url}{sso.path}?{sso.query}", timeout=10)
    action, fields = form_fields(login_page.text)
    fields.update(username="famille.martin", password="secret-edu")
    answer = requests.post(f"{saml.idp.url}{action}", data=fields, timeout=10)
    response = post_answer(client, form_fields(answer.text))
    assert response.status_code == 403
    assert "est déjà lié" in response.content.decode()
    assert identities.account_for("educonnect", "FR-EDU-7f3a9c") == world.teacher


def test_linking_needs_a_login_and_a_post(client, saml, world):
    url = reverse("federation:saml_link", args=["educonnect"])
    response = client.post(url)
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]
    client.force_login(world.parent)
    assert client.get(url).status_code == 405


def test_the_login_page_offers_the_configured_provider(client, saml):
    page = client.get(reverse("accounts:login") + "?next=/messages/").content.decode()
    assert "EduConnect" in page
    assert LOGIN + "?next=%2Fmessages%2F" in page


def test_not_configured_no_button_and_404(client, world, settings):
    settings.PREAU_SAML_PROVIDERS = []
    page = client.get(reverse("accounts:login")).content.decode()
    assert "EduConnect" not in page
    for path in ("", "acs/", "metadata/"):
        assert client.get(f"/connexion/saml/educonnect/{path}").status_code == 404
    assert client.post("/connexion/saml/educonnect/acs/", {"SAMLResponse": "x"}).status_code == 404
    client.force_login(world.parent)
    assert client.get(reverse("federation:linked_accounts")).status_code == 404
    assert client.post("/connexion/saml/educonnect/lier/").status_code == 404
    assert (
        reverse("federation:linked_accounts")
        not in client.get(reverse("accounts:my_spaces")).content.decode()
    )


def test_an_unknown_provider_is_404_when_another_is_configured(client, saml):
    assert client.get("/connexion/saml/academie-creteil/").status_code == 404


def test_the_answer_comes_back_to_the_french_address_whatever_the_language(client, saml):
    action, _fields = answer_from(saml.idp.url, client, start=LOGIN)
    assert urlparse(action).path == "/connexion/saml/educonnect/acs/"
    page = client.get("/connexion/saml/educonnect/metadata/").content.decode()
    assert "/en/" not in page


def test_axes_sees_the_request_and_a_password_lock_does_not_bar_the_idp(client, saml, world):
    """django-axes stands first among the backends and gets the request: an unknown
    identity is no password failure (nothing counted against a username), and wrong
    passwords lock the password, not the sign-in the IdP vouches for."""
    from axes.models import AccessAttempt

    post_answer(client, answer_from(saml.idp.url, client))  # not linked
    assert not AccessAttempt.objects.exists()
    for _attempt in range(5):
        client.post(reverse("accounts:login"), {"username": "parent", "password": "wrong"})
    assert AccessAttempt.objects.filter(username="parent").exists()
    identities.link(world.parent, "educonnect", "FR-EDU-7f3a9c")
    response = post_answer(client, answer_from(saml.idp.url, client))
    assert response.status_code == 302
    assert logged_in_as(client) == str(world.parent.pk)
