"""CAS sign-in against a real CAS server (django-cas-server) started on 127.0.0.1:
Préau sends the person to the server's login form, the server sends them back with a
ticket, Préau validates it with the server and opens the session of the linked account;
nothing else signs in."""

import pytest
from django.urls import reverse

from federation import identities
from federation.models import ExternalIdentity
from tests.federation.flows import local, sign_in_at_provider

pytestmark = pytest.mark.django_db


def cas_sign_in(client, username, password="cas-password", start="/connexion/cas/?next=/classes/"):
    response = client.get(start)
    assert response.status_code == 302
    back = sign_in_at_provider(response["Location"], username, password)
    assert "ticket=ST-" in back
    return client.get(local(back))


def test_linked_teacher_signs_in_and_goes_to_next(client, world, cas_on):
    identities.link(world.teacher, "cas", "claire.cas")
    response = cas_sign_in(client, "claire.cas")
    assert response.status_code == 302
    assert response["Location"] == "/classes/"
    assert client.session["_auth_user_id"] == str(world.teacher.pk)
    assert ExternalIdentity.objects.get(subject="claire.cas").last_used_at is not None


def test_without_next_the_teacher_lands_where_the_login_page_sends(client, world, cas_on):
    identities.link(world.teacher, "cas", "claire.cas")
    response = cas_sign_in(client, "claire.cas", start="/connexion/cas/")
    # A teacher of one class lands on it (classrooms' preau_login_landing hook).
    assert response["Location"] == world.classroom.url
    assert client.session["_auth_user_id"] == str(world.teacher.pk)


def test_unknown_cas_user_gets_a_page_saying_how_to_link(client, world, cas_on):
    # A Préau account named like the CAS user is not a match: only linked identities are.
    world.outsider.username = "stranger.cas"
    world.outsider.save()
    response = cas_sign_in(client, "stranger.cas")
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert (
        "ENT académique" in page
        and "Link my ENT académique account" in page
        or "Lier mon compte" in page
    )


def test_closed_account_is_refused(client, world, cas_on):
    identities.link(world.teacher, "cas", "claire.cas")
    world.teacher.is_active = False
    world.teacher.save()
    response = cas_sign_in(client, "claire.cas")
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_forged_ticket_is_refused_by_the_server(client, world, cas_on):
    identities.link(world.teacher, "cas", "claire.cas")
    response = client.get("/connexion/cas/?ticket=ST-1-forgedforgedforged-127.0.0.1")
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_logged_in_person_links_their_cas_account(client, world, cas_on):
    client.force_login(world.teacher)
    page = client.get(reverse("federation:linked_accounts"))
    assert page.status_code == 200 and reverse("federation:cas_link") in page.content.decode()
    response = client.post(reverse("federation:cas_link"))
    back = sign_in_at_provider(response.context["continue_url"], "claire.cas", "cas-password")
    response = client.get(local(back))
    assert response["Location"] == reverse("federation:linked_accounts")
    assert ExternalIdentity.objects.get(provider="cas", subject="claire.cas").user == world.teacher
    client.logout()
    assert cas_sign_in(client, "claire.cas")["Location"] == "/classes/"
    assert client.session["_auth_user_id"] == str(world.teacher.pk)


def test_a_link_left_half_way_links_nothing_later(client, world, cas_on, monkeypatch):
    """A wish to link, left when the CAS tab was closed, does not link whatever identity
    comes back with this session later (a CAS ticket carries no state): it ends after
    a few minutes, and a plain sign-in started meanwhile drops it."""
    from federation import linking

    client.force_login(world.teacher)
    response = client.post(reverse("federation:cas_link"))
    continue_url = response.context["continue_url"]
    started = linking.time.time()
    monkeypatch.setattr(linking.time, "time", lambda: started + linking.LINK_WINDOW_SECONDS + 1)
    back = sign_in_at_provider(continue_url, "claire.cas", "cas-password")
    client.get(local(back))
    assert not ExternalIdentity.objects.filter(subject="claire.cas").exists()

    monkeypatch.undo()
    client.post(reverse("federation:cas_link"))
    client.get("/connexion/cas/")  # a plain sign-in begins
    assert linking.LINKING not in client.session


def test_an_identity_linked_to_someone_else_is_not_moved(client, world, cas_on):
    identities.link(world.parent, "cas", "claire.cas")
    client.force_login(world.teacher)
    response = client.post(reverse("federation:cas_link"))
    back = sign_in_at_provider(response.context["continue_url"], "claire.cas", "cas-password")
    response = client.get(local(back))
    assert response["Location"] == reverse("federation:linked_accounts")
    assert ExternalIdentity.objects.get(subject="claire.cas").user == world.parent
    page = client.get(response["Location"]).content.decode()
    assert "est déjà lié à un autre compte Préau" in page


def test_login_page_offers_the_cas_button(client, cas_on):
    page = client.get(reverse("accounts:login")).content.decode()
    assert "ENT académique" in page and "/connexion/cas/" in page


def test_not_configured_no_button_and_404(client, world, settings):
    settings.CAS_SERVER_URL = None
    assert "/connexion/cas/" not in client.get(reverse("accounts:login")).content.decode()
    assert client.get("/connexion/cas/").status_code == 404
    client.force_login(world.teacher)
    assert client.post("/connexion/cas/lier/").status_code == 404
