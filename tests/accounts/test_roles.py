"""Rights follow the rows: adding or removing a row adds or removes the rights."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from accounts import roles
from accounts.models import RoleGroup
from classrooms import permissions
from classrooms.models import ClassroomGroupObjectPermission, Membership
from tests import factories

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as a new request would load it: no cached permissions."""
    return type(user).objects.get(pk=user.pk)


def test_each_role_gets_its_rights_on_its_class(world):
    classroom = world.classroom
    assert permissions.can_manage_classroom(fresh(world.teacher), classroom)
    assert permissions.can_moderate_classroom(fresh(world.teacher), classroom)
    assert permissions.can_post_in_classroom(fresh(world.pupil), classroom)
    assert not permissions.can_moderate_classroom(fresh(world.pupil), classroom)
    assert permissions.can_view_classroom(fresh(world.parent), classroom)
    assert permissions.can_comment_in_classroom(fresh(world.parent), classroom)
    assert not permissions.can_post_in_classroom(fresh(world.parent), classroom)
    assert permissions.can_manage_classroom(fresh(world.director), classroom)
    assert not permissions.can_post_in_classroom(fresh(world.director), classroom)
    for outsider in (world.outsider, world.other_pupil):
        assert not permissions.can_view_classroom(fresh(outsider), classroom)


def test_removing_a_membership_removes_the_rights(world):
    Membership.objects.get(user=world.teacher, classroom=world.classroom).delete()
    assert not permissions.can_view_classroom(fresh(world.teacher), world.classroom)
    assert not fresh(world.teacher).groups.filter(role__isnull=False).exists()


def test_parents_follow_their_child_to_a_new_class(world):
    membership = Membership.objects.get(user=world.pupil, classroom=world.classroom)
    membership.classroom = world.other_classroom
    membership.save()
    parent = fresh(world.parent)
    assert permissions.can_view_classroom(parent, world.other_classroom)
    assert not permissions.can_view_classroom(fresh(world.parent), world.classroom)


def test_ending_a_guardianship_ends_the_parents_access(world):
    world.parent.guardianships.all().delete()
    assert not permissions.can_view_classroom(fresh(world.parent), world.classroom)


def test_a_directors_rights_cover_classes_created_later(world):
    later = factories.ClassroomPageFactory(parent=world.school, title="CE2 de Mme Roy")
    assert permissions.can_manage_classroom(fresh(world.director), later)
    world.director.school_roles.all().delete()
    assert not permissions.can_view_classroom(fresh(world.director), later)


def test_rights_live_on_groups_not_on_people(world, portal):
    """Per-class groups keep the permission tables small whatever the number of pupils."""
    rows_before = ClassroomGroupObjectPermission.objects.count()
    for number in range(10):
        pupil = factories.UserFactory(username=f"pupil{number}")
        factories.MembershipFactory(user=pupil, classroom=world.classroom)
    assert ClassroomGroupObjectPermission.objects.count() == rows_before
    assert world.classroom.classroomuserobjectpermission_set.count() == 0


def test_teachers_edit_only_their_class_in_the_admin(world):
    teachers = RoleGroup.objects.get(page=world.classroom, role=RoleGroup.Role.CLASS_TEACHER)
    pages = set(
        GroupPagePermission.objects.filter(group=teachers.group).values_list("page", flat=True)
    )
    assert pages == {world.classroom.pk}
    pupils = RoleGroup.objects.get(page=world.classroom, role=RoleGroup.Role.CLASS_PUPIL)
    assert not GroupPagePermission.objects.filter(group=pupils.group).exists()
    assert not pupils.group.permissions.filter(codename="access_admin").exists()


def test_class_collection_sits_in_the_school_collection(world):
    assert world.school.collection is not None
    world.classroom.refresh_from_db()
    assert world.classroom.collection.get_parent() == world.school.collection


def test_sync_leaves_groups_that_are_not_roles_alone(world):
    editors = Group.objects.create(name="Newsletter team")
    world.teacher.groups.add(editors)
    roles.sync_user(world.teacher)
    assert fresh(world.teacher).groups.filter(pk=editors.pk).exists()


def test_sync_permissions_command_restores_rights_lost_by_a_bulk_write(world):
    from django.core.management import call_command

    world.parent.groups.clear()  # as a restore or a bulk insert would leave it
    assert not permissions.can_view_classroom(fresh(world.parent), world.classroom)
    call_command("sync_permissions", verbosity=0)
    assert permissions.can_view_classroom(fresh(world.parent), world.classroom)


def test_deleting_a_class_deletes_its_role_groups(world):
    group_ids = list(
        RoleGroup.objects.filter(page=world.classroom).values_list("group_id", flat=True)
    )
    assert group_ids
    world.classroom.delete()
    assert not Group.objects.filter(pk__in=group_ids).exists()
