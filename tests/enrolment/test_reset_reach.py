"""A new password or a login card only for parents whose every child is within reach.

Giving a parent's account a new password hands that account, with all of its children's
classes, to whoever prints the card: only someone who manages every one of those
classes may do it (issue 15, item 2a). Everyone else gets 404 and the password stays.
"""

import pytest
from django.urls import reverse

from classrooms.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"enrolment:{name}", kwargs=kwargs)


@pytest.fixture
def far_pupil(portal):
    """A pupil of a class of another school."""
    school = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    classroom = factories.ClassroomPageFactory(parent=school, title="CE2 du Bourg")
    pupil = factories.UserFactory(username="farpupil", first_name="Inès", last_name="Martin")
    factories.MembershipFactory(user=pupil, classroom=classroom, role=Membership.Role.PUPIL)
    return pupil


def reset(client, world, account):
    return client.post(url("reset_password", classroom_id=world.classroom.pk, user_id=account.pk))


def print_card(client, world, account):
    return client.post(
        url("cards", classroom_id=world.classroom.pk),
        {"kind": "parents", "account": [account.pk]},
    )


def assert_password_kept(account):
    account.refresh_from_db()
    assert account.check_password(factories.TEST_PASSWORD)


@pytest.mark.parametrize("action", [reset, print_card])
def test_teacher_cannot_reset_a_parent_with_a_child_in_another_school(
    client, world, far_pupil, action
):
    factories.GuardianshipFactory(parent=world.parent, child=far_pupil)
    client.force_login(world.teacher)

    response = action(client, world, world.parent)

    assert response.status_code == 404
    assert "Sophie" not in response.content.decode()
    assert_password_kept(world.parent)


@pytest.mark.parametrize("action", [reset, print_card])
def test_director_cannot_reset_a_parent_with_a_child_in_another_school(
    client, world, far_pupil, action
):
    factories.GuardianshipFactory(parent=world.parent, child=far_pupil)
    client.force_login(world.director)

    assert action(client, world, world.parent).status_code == 404
    assert_password_kept(world.parent)


@pytest.mark.parametrize("action", [reset, print_card])
def test_a_child_in_another_class_of_the_school_is_for_the_director(client, world, action):
    factories.GuardianshipFactory(parent=world.parent, child=world.other_pupil)
    client.force_login(world.teacher)

    assert action(client, world, world.parent).status_code == 404
    assert_password_kept(world.parent)

    client.force_login(world.director)
    response = action(client, world, world.parent)

    assert response.status_code == 200
    world.parent.refresh_from_db()
    assert not world.parent.check_password(factories.TEST_PASSWORD)
    assert "Parent de Léa M." in response.content.decode()


def test_portal_admin_may_reset_a_parent_of_two_schools(client, world, far_pupil):
    factories.GuardianshipFactory(parent=world.parent, child=far_pupil)
    admin = factories.UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)

    assert reset(client, world, world.parent).status_code == 200
    world.parent.refresh_from_db()
    assert not world.parent.check_password(factories.TEST_PASSWORD)


def test_roster_and_cards_page_say_who_to_ask_instead_of_offering_the_button(
    client, world, far_pupil
):
    factories.GuardianshipFactory(parent=world.parent, child=far_pupil)
    client.force_login(world.teacher)
    reset_url = url("reset_password", classroom_id=world.classroom.pk, user_id=world.parent.pk)
    pupil_reset_url = url("reset_password", classroom_id=world.classroom.pk, user_id=world.pupil.pk)

    roster = client.get(url("roster", classroom_id=world.classroom.pk)).content.decode()
    cards = client.get(url("cards", classroom_id=world.classroom.pk)).content.decode()

    assert reset_url not in roster and pupil_reset_url in roster
    assert "classe que vous ne gérez pas" in roster
    assert f'id="parent-{world.parent.pk}" disabled' in cards
    assert "classe que vous ne gérez pas" in cards


def test_a_parent_of_the_class_only_is_still_reset_by_its_teacher(client, world):
    """The control: the rule refuses only what it must."""
    client.force_login(world.teacher)

    assert reset(client, world, world.parent).status_code == 200
    assert print_card(client, world, world.parent).status_code == 200


def test_the_roster_says_whom_to_ask(client, world, far_pupil):
    """A teacher is sent to the director; the director, who already is, to the portal's
    administrator (the only one who manages both schools)."""
    factories.GuardianshipFactory(parent=world.parent, child=far_pupil)
    roster = url("roster", classroom_id=world.classroom.pk)

    client.force_login(world.teacher)
    page = client.get(roster).content.decode()
    assert "demandez à la direction" in page
    assert "administrateur du portail" not in page

    client.force_login(world.director)
    page = client.get(roster).content.decode()
    assert "autre école : demandez à l’administrateur du portail" in page
    assert "demandez à la direction" not in page
