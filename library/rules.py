"""Who reads, publishes, edits and uses library resources: the library's one rules module.

Derived from the rows on every request (classrooms.person reads them once), never from
a flag:

- The library is for the staff of schools (SchoolStaff rows: teachers, directors) and
  the portal administrator. Pupils, parents, assistants without a staff row, municipality
  agents and anonymous visitors get 404 on every page and file.
- A resource shared with its school is read by that school's staff; one shared with the
  portal by every school's staff.
- Only its author (or the portal administrator) edits or deletes it.
- A resource is used in a class by a teacher of that class (or the administrator).
"""

from django.db.models import Q

from accounts.people import is_active_person
from classrooms.models import ClassroomPage, Membership
from classrooms.moderation import teaches_class_of
from classrooms.person import person_of

from .models import Resource
from .taxonomy import Scope


def is_admin(user) -> bool:
    return is_active_person(user) and user.is_superuser


def staff_school_ids(user) -> set[int]:
    if not is_active_person(user):
        return set()
    return {place.page.pk for place in person_of(user).staff}


def may_use_library(user) -> bool:
    return is_admin(user) or bool(staff_school_ids(user))


def readable(user):
    """The resources this person may read (a queryset; empty for everyone else)."""
    if is_admin(user):
        return Resource.objects.all()
    schools = staff_school_ids(user)
    if not schools:
        return Resource.objects.none()
    return Resource.objects.filter(Q(scope=Scope.PORTAL) | Q(school_id__in=schools))


def may_read(user, resource) -> bool:
    if is_admin(user):
        return True
    schools = staff_school_ids(user)
    return bool(schools) and (resource.scope == Scope.PORTAL or resource.school_id in schools)


def may_edit(user, resource) -> bool:
    if is_admin(user):
        return True
    return may_read(user, resource) and resource.author_id == user.pk


def taught_classrooms(user):
    """The classes this person may use a resource in: those they teach (any for the
    administrator), as a queryset of ClassroomPage."""
    if is_admin(user):
        return ClassroomPage.objects.all().order_by("title")
    ids = person_of(user).member_class_ids(Membership.Role.TEACHER)
    return ClassroomPage.objects.filter(pk__in=ids).order_by("title")


def may_use_in(user, classroom) -> bool:
    return is_admin(user) or (
        is_active_person(user)
        and bool(staff_school_ids(user))
        and teaches_class_of(user, classroom)
    )
