"""A pupil's login card logs them in with its QR code (cardlogin/): only a hash of its
secret is stored, a GET never logs in, a new card or a revocation stops the old one, and
adults' cards keep filling in the login form."""

import hashlib

import pytest
from django.urls import reverse

from cardlogin import services
from cardlogin.models import LoginCardToken
from classrooms.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


def card_url(token):
    return reverse("cardlogin:card", kwargs={"token": token})


@pytest.fixture
def token(world):
    return services.issue_card_tokens([world.pupil], world.teacher)[world.pupil.pk]


def test_only_the_hash_of_the_secret_is_stored(world, token):
    card = LoginCardToken.objects.get(user=world.pupil)
    assert card.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in card.token_hash
    assert len(token) >= 43  # 32 random bytes
    assert card.created_by == world.teacher and card.revoked_at is None


def test_get_greets_the_child_without_logging_in(client, world, token):
    response = client.get(card_url(token))
    assert response.status_code == 200
    assert "Bonjour Léa ! C'est bien toi ?" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert response["Cache-Control"].startswith("max-age=0")


def test_post_logs_the_child_in_and_leads_to_their_class(client, world, token):
    response = client.post(card_url(token))
    assert response.status_code == 302
    assert response["Location"] == world.classroom.url
    assert client.session["_auth_user_id"] == str(world.pupil.pk)
    assert LoginCardToken.objects.get(user=world.pupil).last_used_at is not None


def test_unknown_token_is_refused_with_a_message(client, world):
    response = client.post(card_url("not-a-real-card"))
    assert response.status_code == 404
    assert "Cette carte ne fonctionne plus" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_revoked_card_is_refused(client, world, token):
    assert services.revoke_cards(world.pupil) == 1
    response = client.post(card_url(token))
    assert response.status_code == 404
    assert "_auth_user_id" not in client.session


def test_a_new_card_revokes_the_old_one(client, world, token):
    new = services.issue_card_tokens([world.pupil], world.teacher)[world.pupil.pk]
    assert client.post(card_url(token)).status_code == 404
    assert client.post(card_url(new)).status_code == 302
    assert LoginCardToken.objects.filter(user=world.pupil, revoked_at__isnull=True).count() == 1


def test_an_adults_card_token_does_not_log_in(client, world):
    """Should an adult's account carry a token (a teacher who was once a pupil's
    account?), the card page still refuses: only pupils log in with a card."""
    token = services.issue_card_tokens([world.parent], world.teacher)[world.parent.pk]
    response = client.post(card_url(token))
    assert response.status_code == 404
    assert "_auth_user_id" not in client.session


def test_a_switched_off_pupil_cannot_use_their_card(client, world, token):
    world.pupil.is_active = False
    world.pupil.save()
    assert client.post(card_url(token)).status_code == 404


def test_a_locked_child_is_told_to_wait(client, world, token, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/compte/connexion/", {"username": "pupil", "password": "wrong"})
    response = client.post(card_url(token))
    assert response.status_code == 429
    assert "Attends 1 minute" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_english_card_page(client, world, token):
    response = client.get("/en" + card_url(token))
    assert "Hello Léa! Is it you?" in response.content.decode()


# --- Printing cards ---------------------------------------------------------------------


def test_printing_pupils_cards_puts_the_card_link_in_the_qr_code(client, world):
    client.force_login(world.teacher)
    old = services.issue_card_tokens([world.pupil], world.teacher)[world.pupil.pk]
    url = reverse("enrolment:cards", kwargs={"classroom_id": world.classroom.pk})
    response = client.post(url, {"kind": "pupils", "account": [world.pupil.pk]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "/compte/carte/" in html
    assert "?username=" not in html
    live = LoginCardToken.objects.get(user=world.pupil, revoked_at__isnull=True)
    assert live.created_by == world.teacher
    assert client.post(card_url(old)).status_code == 404


def test_printing_parents_cards_keeps_filling_in_the_username(client, world):
    client.force_login(world.teacher)
    url = reverse("enrolment:cards", kwargs={"classroom_id": world.classroom.pk})
    response = client.post(url, {"kind": "parents", "account": [world.parent.pk]})
    html = response.content.decode()
    assert "?username=parent" in html
    assert "/compte/carte/" not in html
    assert not LoginCardToken.objects.filter(user=world.parent).exists()


def test_a_new_password_for_a_pupil_prints_a_new_card(client, world):
    client.force_login(world.teacher)
    old = services.issue_card_tokens([world.pupil], world.teacher)[world.pupil.pk]
    url = reverse(
        "enrolment:reset_password",
        kwargs={"classroom_id": world.classroom.pk, "user_id": world.pupil.pk},
    )
    response = client.post(url)
    assert "/compte/carte/" in response.content.decode()
    assert client.post(card_url(old)).status_code == 404


# --- Revoking a card --------------------------------------------------------------------


def revoke_url(world, user):
    return reverse(
        "enrolment:revoke_card", kwargs={"classroom_id": world.classroom.pk, "user_id": user.pk}
    )


def test_the_teacher_revokes_a_lost_card(client, world, token):
    client.force_login(world.teacher)
    response = client.post(revoke_url(world, world.pupil))
    assert response.status_code == 302
    assert client.post(card_url(token)).status_code == 404


def test_the_cards_page_offers_to_revoke_a_card(client, world, token):
    client.force_login(world.teacher)
    response = client.get(reverse("enrolment:cards", kwargs={"classroom_id": world.classroom.pk}))
    html = response.content.decode()
    assert "Révoquer la carte" in html
    assert revoke_url(world, world.pupil) in html


@pytest.mark.parametrize("who", ["outsider", "parent", "pupil", "other_teacher"])
def test_others_cannot_revoke_a_card(client, world, token, who, other_teacher):
    client.force_login(getattr(world, who, None) or other_teacher)
    assert client.post(revoke_url(world, world.pupil)).status_code == 404
    assert LoginCardToken.objects.get(user=world.pupil).revoked_at is None


def test_revoking_needs_a_post(client, world, token):
    client.force_login(world.teacher)
    assert client.get(revoke_url(world, world.pupil)).status_code == 405


@pytest.fixture
def other_teacher(world):
    teacher = factories.UserFactory(username="otherteacher", first_name="Marc")
    factories.MembershipFactory(
        user=teacher, classroom=world.other_classroom, role=Membership.Role.TEACHER
    )
    return teacher
