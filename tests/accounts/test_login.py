"""Logging in with personal credentials, and where people land."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_login_page_in_french_and_english(client):
    french = client.get("/compte/connexion/").content.decode()
    english = client.get("/en/compte/connexion/").content.decode()
    assert "Se connecter" in french and "Mot de passe" in french
    assert "Log in" in english and "Password" in english


def test_wrong_password_is_explained_in_both_languages(client, world):
    data = {"username": "pupil", "password": "wrong"}
    french = client.post("/compte/connexion/", data).content.decode()
    english = client.post("/en/compte/connexion/", data).content.decode()
    assert "ne correspondent pas" in french
    assert "do not match" in english
    assert 'value="pupil"' in french  # what was typed is kept


def test_a_pupil_of_one_class_lands_on_it(client, world):
    response = client.post(
        "/compte/connexion/", {"username": "pupil", "password": factories.TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == world.classroom.url
    html = client.get(response["Location"]).content.decode()
    assert "Le mur de la classe" in html


def test_a_parent_of_one_child_lands_on_the_child_s_class(client, world):
    data = {"username": "parent", "password": factories.TEST_PASSWORD}
    assert client.post("/compte/connexion/", data)["Location"] == world.classroom.url


def test_a_parent_of_children_in_two_classes_chooses_from_my_spaces(client, world):
    factories.GuardianshipFactory(parent=world.parent, child=world.other_pupil)
    data = {"username": "parent", "password": factories.TEST_PASSWORD}
    response = client.post("/compte/connexion/", data)
    assert response["Location"] == "/compte/mes-espaces/"
    html = client.get(response["Location"]).content.decode()
    assert "CP de Mme Durand" in html and "CM1 de M. Petit" in html


def test_a_teacher_of_one_class_lands_on_it(client, world):
    data = {"username": "teacher", "password": factories.TEST_PASSWORD}
    response = client.post("/compte/connexion/", data)
    assert response["Location"] == world.classroom.url


def test_a_teacher_of_two_classes_chooses_from_my_spaces(client, world):
    factories.MembershipFactory(user=world.teacher, classroom=world.other_classroom, role="teacher")
    data = {"username": "teacher", "password": factories.TEST_PASSWORD}
    response = client.post("/compte/connexion/", data)
    assert response["Location"] == "/compte/mes-espaces/"
    html = client.get(response["Location"]).content.decode()
    assert "Bonjour Claire D." in html and "CP de Mme Durand" in html


def test_the_address_asked_for_before_login_wins_over_the_class(client, world):
    data = {"username": "teacher", "password": factories.TEST_PASSWORD}
    response = client.post("/compte/connexion/?next=/compte/mes-espaces/", data)
    assert response["Location"] == "/compte/mes-espaces/"


def test_login_card_link_fills_in_the_username(client):
    html = client.get("/compte/connexion/", {"username": "lea.martin"}).content.decode()
    assert 'value="lea.martin"' in html


def test_display_name_is_first_name_and_initial(world):
    assert world.pupil.display_name == "Léa M."
    assert (
        factories.UserFactory(username="solo", first_name="", last_name="").display_name == "solo"
    )


def test_logout_is_a_post_and_ends_the_session(client, world):
    client.force_login(world.pupil)
    assert client.get("/compte/deconnexion/").status_code == 405
    client.post("/compte/deconnexion/")
    assert client.get("/compte/mes-espaces/").status_code == 302


def test_an_over_long_username_is_refused_before_anything_is_recorded(client, world):
    """No account has such a name, and django-axes would write it into a 255-character
    column (a 500 on PostgreSQL): the form refuses it before authentication."""
    from axes.models import AccessAttempt
    from django.contrib.auth.signals import user_login_failed

    failures = []

    def record(**kwargs):
        failures.append(kwargs)

    user_login_failed.connect(record)
    try:
        data = {"username": "é" * 300, "password": "wrong"}
        french = client.post("/compte/connexion/", data)
        english = client.post("/en/compte/connexion/", data)
    finally:
        user_login_failed.disconnect(record)
    assert french.status_code == english.status_code == 200
    assert "150 caractères au plus" in french.content.decode()
    assert "at most 150 characters" in english.content.decode()
    assert not failures
    assert not AccessAttempt.objects.exists()
