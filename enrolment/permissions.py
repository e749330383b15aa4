"""Glue between the enrolment views and the rules written elsewhere.

Who directs a school is decided in pages/permissions.py, who manages a class in
classrooms/permissions.py; this module only turns a "no" into a 404, never a 403, so
nobody learns that a school's management pages or a class exist.
"""

from django.http import Http404

from classrooms.models import ClassroomPage, Guardianship, Membership
from classrooms.permissions import can_manage_classroom, school_of
from pages.models import SchoolPage
from pages.permissions import can_direct_school


def directed_school_or_404(user, school_id) -> SchoolPage:
    """The school with this id, if this user directs it."""
    school = SchoolPage.objects.filter(pk=school_id).first()
    if school is None or not can_direct_school(user, school):
        raise Http404
    return school


def managed_classroom_or_404(user, classroom_id) -> ClassroomPage:
    """The class with this id, if this user teaches it or directs its school."""
    classroom = ClassroomPage.objects.filter(pk=classroom_id).first()
    if classroom is None or not can_manage_classroom(user, classroom):
        raise Http404
    return classroom


def directed_classroom_or_404(user, classroom_id):
    """The class with this id and its school, if this user directs the school."""
    classroom = ClassroomPage.objects.filter(pk=classroom_id).first()
    if classroom is None:
        raise Http404
    school = school_of(classroom)
    if not can_direct_school(user, school):
        raise Http404
    return classroom, school


def pupil_of_classroom_or_404(classroom, user_id):
    """A pupil of this class."""
    membership = (
        Membership.objects.filter(classroom=classroom, user_id=user_id, role=Membership.Role.PUPIL)
        .select_related("user")
        .first()
    )
    if membership is None:
        raise Http404
    return membership.user


def account_of_classroom_or_404(classroom, user_id):
    """A pupil of this class or a parent of one: the accounts its roster acts on.

    Returns the account and whether it is a parent's.
    """
    membership = (
        Membership.objects.filter(classroom=classroom, user_id=user_id, role=Membership.Role.PUPIL)
        .select_related("user")
        .first()
    )
    if membership is not None:
        return membership.user, False
    link = (
        Guardianship.objects.filter(
            parent_id=user_id,
            child__memberships__classroom=classroom,
            child__memberships__role=Membership.Role.PUPIL,
        )
        .select_related("parent")
        .first()
    )
    if link is None:
        raise Http404
    return link.parent, True


def manages_every_class_of_children(user, parent) -> bool:
    """Whether every class of this parent's children is one this user manages.

    Switching a parent's account off shuts them out of all their children's classes,
    perhaps in another school; a new password (one click or a login card) hands the
    account, with all those classes, to whoever prints it. Only someone who manages all
    of those may do either.
    """
    return parent.pk not in parents_out_of_reach(user, [parent])


def parents_out_of_reach(user, parents) -> set[int]:
    """The ids of those parents with a child in a class this user does not manage.

    Every class counts, of every school year and every school: the account reads them
    all. Two queries whatever the number of parents (a class roster asks for all of its
    families at once).
    """
    ids = [parent.pk for parent in parents]
    if not ids:
        return set()
    pairs = set(
        Membership.objects.filter(
            role=Membership.Role.PUPIL, user__guardians__parent_id__in=ids
        ).values_list("user__guardians__parent_id", "classroom_id")
    )
    classrooms = ClassroomPage.objects.filter(pk__in={room for _parent, room in pairs})
    managed = {room.pk for room in classrooms if can_manage_classroom(user, room)}
    return {parent for parent, room in pairs if room not in managed}


def parent_within_reach_or_404(user, parent):
    """Refuse a new password for a parent with a child in a class this user does not manage."""
    if not manages_every_class_of_children(user, parent):
        raise Http404
