"""Classes, teachers, pupils and parents from the front end; passwords and switching off."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from classrooms.models import ClassroomPage, Guardianship, Membership
from enrolment.login_card_sheets import qr_svg
from enrolment.models import PupilRecord
from pages.models import SchoolStaff
from tests import factories

pytestmark = pytest.mark.django_db
User = get_user_model()


def can_log_in(username, password):
    client = Client()
    client.post("/compte/connexion/", {"username": username, "password": password})
    return "_auth_user_id" in client.session


def card_credentials(html):
    """(username, password) pairs printed on the login cards of a page."""
    usernames = re.findall(r'class="login-card__username">([^<]+)<', html)
    passwords = re.findall(r'class="login-card__password">([^<]+)<', html)
    return list(zip(usernames, passwords, strict=True))


def url(name, **kwargs):
    return reverse(f"enrolment:{name}", kwargs=kwargs)


# Classes and teachers


def test_director_creates_a_class_with_a_new_teacher(client, world):
    client.force_login(world.director)
    response = client.post(
        url("class_create", school_id=world.school.pk),
        {
            "title": "CE2 B",
            "school_year": "2026-2027",
            "level": "CE2",
            "new_teacher_first_name": "Hélène",
            "new_teacher_last_name": "Garnier",
            "new_teacher_email": "Helene.Garnier@example.org",
        },
    )
    assert response.status_code == 200
    classroom = ClassroomPage.objects.get(title="CE2 B")
    assert classroom.live and classroom.get_parent().pk == world.school.pk
    assert classroom.slug == "ce2-b-2026-2027"
    teacher = User.objects.get(email="helene.garnier@example.org")
    assert teacher.username == "helene.garnier"
    assert SchoolStaff.objects.filter(user=teacher, school=world.school, role="teacher").exists()
    assert Membership.objects.filter(user=teacher, classroom=classroom, role="teacher").exists()
    html = response.content.decode()
    ((username, password),) = card_credentials(html)
    assert username == "helene.garnier" and teacher.check_password(password)
    assert "no-store" in response["Cache-Control"]
    # The new teacher manages the new class at once.
    client.force_login(teacher)
    assert client.get(url("roster", classroom_id=classroom.pk)).status_code == 200


def test_class_form_keeps_what_was_typed_when_refused(client, world):
    client.force_login(world.director)
    response = client.post(
        url("class_create", school_id=world.school.pk),
        {
            "title": "cp de mme durand",
            "school_year": "2026-2027",
            "level": "CP",
            "new_teacher_first_name": "Hélène",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "déjà une classe" in html
    assert "Renseignez aussi ce champ" in html
    assert 'value="cp de mme durand"' in html and 'value="Hélène"' in html
    assert not ClassroomPage.objects.filter(title="cp de mme durand").exists()


def test_director_assigns_an_existing_teacher_to_a_class(client, world):
    factories.SchoolStaffFactory(user=world.teacher, school=world.school, role="teacher")
    client.force_login(world.director)
    response = client.post(
        url("class_edit", classroom_id=world.other_classroom.pk),
        {"title": "CM1 de M. Petit", "level": "CM1", "teachers": [world.teacher.pk]},
    )
    assert response.status_code == 302
    assert Membership.objects.filter(
        user=world.teacher, classroom=world.other_classroom, role="teacher"
    ).exists()
    world.other_classroom.refresh_from_db()
    assert world.other_classroom.level == "CM1"


def test_staff_page_adds_a_teacher_or_links_an_existing_account(client, world):
    client.force_login(world.director)
    staff_url = url("staff", school_id=world.school.pk)
    response = client.post(
        staff_url, {"first_name": "Marc", "last_name": "Lemoine", "email": "marc@example.org"}
    )
    ((username, password),) = card_credentials(response.content.decode())
    assert username == "marc.lemoine" and can_log_in(username, password)
    world.parent.email = "sophie@example.org"
    world.parent.save()
    response = client.post(
        staff_url, {"first_name": "S", "last_name": "M", "email": "SOPHIE@example.org"}
    )
    assert response.status_code == 302
    assert SchoolStaff.objects.filter(user=world.parent, role="teacher").exists()
    assert User.objects.filter(email__iexact="sophie@example.org").count() == 1
    html = client.get(staff_url).content.decode()
    assert "Marc Lemoine" in html and "Sophie Martin" in html


# Pupils and parents


def test_teacher_adds_a_pupil_and_prints_their_card(client, world):
    client.force_login(world.teacher)
    response = client.post(
        url("pupil_add", classroom_id=world.classroom.pk),
        {
            "first_name": "Zoé",
            "last_name": "N'Diaye",
            "birth_date": "2019-09-04",
            "level": "CP",
            "photo_consent": "on",
        },
    )
    assert response.status_code == 200
    pupil = User.objects.get(first_name="Zoé")
    assert pupil.email == "" and pupil.username == "zoe.ndiaye"
    assert pupil.pupil_record.birth_date == date(2019, 9, 4)
    assert factories.allows(pupil, "photo", "public")
    assert not factories.allows(pupil, "voice", "school")  # the family answers that
    assert Membership.objects.filter(user=pupil, classroom=world.classroom, role="pupil").exists()
    ((username, password),) = card_credentials(response.content.decode())
    assert re.fullmatch(r"[a-z]+-[a-z]+-\d\d", password)
    assert can_log_in(username, password)


def test_adding_the_same_pupil_twice_is_refused(client, world):
    client.force_login(world.teacher)
    data = {"first_name": "Zoé", "last_name": "Martin", "birth_date": "04/09/2019", "level": "CP"}
    client.post(url("pupil_add", classroom_id=world.classroom.pk), data)
    response = client.post(url("pupil_add", classroom_id=world.classroom.pk), data)
    assert "déjà dans la classe" in response.content.decode()
    assert User.objects.filter(first_name="Zoé").count() == 1


def test_a_known_pupil_added_to_another_class_moves_there(client, world):
    record = factories.PupilRecordFactory(
        user=world.other_pupil, school=world.school, birth_date=date(2018, 5, 1)
    )
    client.force_login(world.director)
    response = client.post(
        url("pupil_add", classroom_id=world.classroom.pk),
        {"first_name": "TOM", "last_name": "petit", "birth_date": "2018-05-01", "level": "CP"},
    )
    assert response.status_code == 302
    assert list(
        Membership.objects.filter(user=record.user).values_list("classroom_id", flat=True)
    ) == [world.classroom.pk]
    assert User.objects.filter(last_name__iexact="petit", first_name__iexact="tom").count() == 1


def test_a_teacher_cannot_take_a_pupil_from_a_class_they_do_not_manage(client, world):
    factories.PupilRecordFactory(
        user=world.other_pupil, school=world.school, birth_date=date(2018, 5, 1)
    )
    client.force_login(world.teacher)
    response = client.post(
        url("pupil_add", classroom_id=world.classroom.pk),
        {"first_name": "Tom", "last_name": "Petit", "birth_date": "2018-05-01", "level": "CP"},
    )
    assert "CM1 de M. Petit" in response.content.decode()
    assert Membership.objects.get(user=world.other_pupil).classroom_id == world.other_classroom.pk


def test_teacher_adds_a_parent_and_the_same_address_again_changes_nothing(client, world):
    client.force_login(world.teacher)
    add_url = url("parent_add", classroom_id=world.classroom.pk, pupil_id=world.pupil.pk)
    response = client.post(
        add_url, {"first_name": "Karim", "last_name": "Martin", "email": "karim@example.org"}
    )
    ((username, password),) = card_credentials(response.content.decode())
    karim = User.objects.get(username=username)
    assert karim.email == "karim@example.org" and can_log_in(username, password)
    assert Guardianship.objects.filter(parent=karim, child=world.pupil).exists()
    # The same address again: no second account, no new password.
    response = client.post(
        add_url, {"first_name": "K", "last_name": "M", "email": "Karim@Example.org"}
    )
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="karim@example.org").count() == 1
    assert can_log_in(username, password)


# One click: new password, switch off, switch back on


def test_reset_password_changes_the_hash_and_the_old_one_stops_working(client, world):
    assert can_log_in("pupil", factories.TEST_PASSWORD)
    old_hash = world.pupil.password
    client.force_login(world.teacher)
    response = client.post(
        url("reset_password", classroom_id=world.classroom.pk, user_id=world.pupil.pk)
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    world.pupil.refresh_from_db()
    assert world.pupil.password != old_hash
    ((username, password),) = card_credentials(response.content.decode())
    assert username == "pupil"
    assert not can_log_in("pupil", factories.TEST_PASSWORD)
    assert can_log_in("pupil", password)


def test_reset_parent_password_gives_an_adult_password(client, world):
    client.force_login(world.teacher)
    response = client.post(
        url("reset_password", classroom_id=world.classroom.pk, user_id=world.parent.pk)
    )
    ((_username, password),) = card_credentials(response.content.decode())
    assert len(password) == 14
    assert "Parent de Léa M." in response.content.decode()


def test_deactivate_makes_login_fail_and_reactivate_restores_it(client, world):
    client.force_login(world.teacher)
    roster = url("roster", classroom_id=world.classroom.pk)
    response = client.post(
        url("deactivate", classroom_id=world.classroom.pk, user_id=world.pupil.pk)
    )
    assert response.status_code == 302 and response["Location"] == roster
    world.pupil.refresh_from_db()
    assert not world.pupil.is_active
    assert not can_log_in("pupil", factories.TEST_PASSWORD)
    assert "désactivé" in client.get(roster).content.decode()
    client.post(url("reactivate", classroom_id=world.classroom.pk, user_id=world.pupil.pk))
    assert can_log_in("pupil", factories.TEST_PASSWORD)


def test_staff_accounts_are_not_changed_from_a_roster(client, world):
    """A teacher who is also a parent in the class keeps their password and account."""
    colleague = factories.UserFactory(username="colleague")
    factories.MembershipFactory(user=colleague, classroom=world.other_classroom, role="teacher")
    factories.GuardianshipFactory(parent=colleague, child=world.pupil)
    client.force_login(world.teacher)
    for name in ("reset_password", "deactivate"):
        response = client.post(
            url(name, classroom_id=world.classroom.pk, user_id=colleague.pk), follow=True
        )
        assert "membre du personnel" in response.content.decode()
    colleague.refresh_from_db()
    assert colleague.is_active and colleague.check_password(factories.TEST_PASSWORD)


def test_parent_of_a_child_elsewhere_is_switched_off_only_by_who_manages_both(client, world):
    factories.GuardianshipFactory(parent=world.parent, child=world.other_pupil)
    client.force_login(world.teacher)
    client.post(url("deactivate", classroom_id=world.classroom.pk, user_id=world.parent.pk))
    world.parent.refresh_from_db()
    assert world.parent.is_active
    client.force_login(world.director)
    client.post(url("deactivate", classroom_id=world.classroom.pk, user_id=world.parent.pk))
    world.parent.refresh_from_db()
    assert not world.parent.is_active


# Login cards


def test_cards_page_ticks_accounts_without_a_password(client, world):
    newcomer = factories.UserFactory(username="newcomer", password=None)
    newcomer.set_unusable_password()
    newcomer.save()
    factories.MembershipFactory(user=newcomer, classroom=world.classroom, role="pupil")
    client.force_login(world.teacher)
    html = client.get(url("cards", classroom_id=world.classroom.pk)).content.decode()
    assert f'value="{newcomer.pk}" id="pupil-{newcomer.pk}" checked' in html
    assert f'value="{world.pupil.pk}" id="pupil-{world.pupil.pk}">' in html
    assert "newcomer" in html and "Sophie Martin" in html


def test_printing_cards_gives_new_passwords_with_qr_codes(client, world):
    client.force_login(world.teacher)
    response = client.post(
        url("cards", classroom_id=world.classroom.pk),
        {"kind": "pupils", "account": [world.pupil.pk, world.other_pupil.pk]},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    # Only pupils of this class: the other class's pupil is ignored.
    ((username, password),) = card_credentials(html)
    assert username == "pupil" and can_log_in(username, password)
    # A pupil's card opens their card login page (cardlogin/), its secret new.
    match = re.search(r'href="(http://testserver/compte/carte/[A-Za-z0-9_-]{43}/)"', html)
    assert match, "no card login address on the card"
    assert qr_svg(match.group(1)) in html  # the QR code encodes that very address
    assert "?username=" not in html
    assert "<svg" in html and "École Jean-Jaurès" in html and "Léa M." in html
    assert "enrolment/print.js" in html
    world.other_pupil.refresh_from_db()
    assert world.other_pupil.check_password(factories.TEST_PASSWORD)


def test_parents_cards_name_their_children(client, world):
    client.force_login(world.teacher)
    response = client.post(
        url("cards", classroom_id=world.classroom.pk),
        {"kind": "parents", "account": [world.parent.pk]},
    )
    html = response.content.decode()
    ((username, password),) = card_credentials(html)
    assert username == "parent" and can_log_in("parent", password)
    assert "Parent de Léa M." in html


def test_printing_no_card_says_so(client, world):
    client.force_login(world.teacher)
    response = client.post(url("cards", classroom_id=world.classroom.pk), {"kind": "pupils"})
    assert response.status_code == 302
    assert "Cochez au moins" in client.get(response["Location"]).content.decode()


def test_roster_lists_pupils_parents_status_and_consent(client, world):
    factories.PupilRecordFactory(user=world.pupil, school=world.school, photo_consent=True)
    client.force_login(world.teacher)
    html = client.get(url("roster", classroom_id=world.classroom.pk)).content.decode()
    assert "Martin Léa" in html and "Sophie Martin" in html
    assert "photos : école et public" in html and "nom complet : non" in html
    assert "Tom" not in html  # the other class's pupil
    assert PupilRecord.objects.count() == 1
