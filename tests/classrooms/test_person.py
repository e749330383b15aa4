"""What a person is (classrooms/person.py) says what django-guardian and Django say, in one query.

The rights read from guardian's tables equal its ObjectPermissionChecker's answers, the
global permissions equal Django's ModelBackend's, and nothing is kept beyond the user
object (one request).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import assign_perm

from accounts.roles import forget_cached_permissions
from classrooms.permissions import can_view_classroom, has_class_permission
from classrooms.person import person_of
from tests import factories

pytestmark = pytest.mark.django_db

CODENAMES = (
    "view_classroompage",
    "post_in_classroom",
    "comment_in_classroom",
    "moderate_classroom",
    "manage_classroom",
)
PEOPLE = ("teacher", "pupil", "parent", "director", "other_pupil", "outsider")


def fresh(user):
    """The user as a new request would load it."""
    return get_user_model().objects.get(pk=user.pk)


@pytest.mark.parametrize("who", PEOPLE)
def test_rights_are_guardian_s(world, who, django_assert_num_queries):
    user = fresh(getattr(world, who))
    with django_assert_num_queries(1):
        person_of(user)
    checker = ObjectPermissionChecker(fresh(user))
    for classroom in (world.classroom, world.other_classroom):
        for codename in CODENAMES:
            expected = checker.has_perm(codename, classroom)
            assert has_class_permission(user, codename, classroom) == expected, (
                who,
                classroom,
                codename,
            )


@pytest.mark.parametrize("who", PEOPLE)
def test_global_permissions_are_django_s(world, who):
    user = fresh(getattr(world, who))
    person_of(user)  # fills the permission caches Django's backend would fill
    expected = ModelBackend().get_all_permissions(fresh(user))
    assert user.get_all_permissions() == expected
    assert user.has_perm("wagtailadmin.access_admin") == ("wagtailadmin.access_admin" in expected)


def test_a_right_given_to_the_person_directly_counts(world):
    assign_perm("classrooms.view_classroompage", world.outsider, world.classroom)
    assert can_view_classroom(fresh(world.outsider), world.classroom)
    assert not can_view_classroom(fresh(world.outsider), world.other_classroom)


def test_an_inactive_person_has_nothing(world):
    world.teacher.is_active = False
    world.teacher.save()
    user = fresh(world.teacher)
    assert not can_view_classroom(user, world.classroom)
    assert person_of(user).memberships == []


def test_nothing_is_kept_beyond_the_user_object(world):
    user = fresh(world.parent)
    assert not can_view_classroom(user, world.other_classroom)
    child = factories.UserFactory(username="second-child")
    factories.MembershipFactory(user=child, classroom=world.other_classroom)
    factories.GuardianshipFactory(parent=world.parent, child=child)
    assert can_view_classroom(fresh(world.parent), world.other_classroom)  # next request
    forget_cached_permissions(user)  # what a change of the person's rows calls
    assert can_view_classroom(user, world.other_classroom)


def test_children_and_their_classes(world):
    person = person_of(fresh(world.parent))
    assert set(person.children) == {world.pupil.pk}
    assert [child.pk for child in person.children_in(world.classroom)] == [world.pupil.pk]
    assert person.children_in(world.other_classroom) == []


def test_the_header_shows_the_way_into_the_admin_to_those_who_may(client, world):
    admin_link = 'href="/admin/"'
    client.force_login(world.teacher)
    assert admin_link in client.get(world.classroom.url).content.decode()
    client.force_login(world.parent)
    assert admin_link not in client.get(world.classroom.url).content.decode()
