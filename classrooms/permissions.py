"""Who may see a class space: the one place where that rule is written.

The truth is data (DESIGN.md "Who may do what"): memberships of the class, the
guardianships of its pupils and the director rows of its school. A person may see a
class when they are a member, a parent of a pupil of it, or the director of its school.
"""

from django.db.models import Q
from wagtail.models import Page

from pages.models import SchoolStaff

from .models import ClassroomPage, Membership

_CACHE_ATTRIBUTE = "_preau_visible_classroom_ids"


def classrooms_directed_by(user):
    """Class spaces of the schools this user directs, in one query."""
    school_paths = SchoolStaff.objects.filter(
        user=user, role=SchoolStaff.Role.DIRECTOR
    ).values_list("school__path", flat=True)
    in_schools = Q(pk__in=[])
    for path in school_paths:
        in_schools |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
    return ClassroomPage.objects.filter(in_schools)


def visible_classroom_ids(user) -> frozenset[int]:
    """Ids of the class spaces this user may see, computed once per user object.

    The user object lives for one request, so the answer is per request: a membership
    added meanwhile shows on the next page load.
    """
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    member_or_parent = Membership.objects.filter(
        Q(user=user) | Q(role=Membership.Role.PUPIL, user__guardians__parent=user)
    ).values_list("classroom_id", flat=True)
    ids = set(member_or_parent)
    ids.update(classrooms_directed_by(user).values_list("pk", flat=True))
    result = frozenset(ids)
    setattr(user, _CACHE_ATTRIBUTE, result)
    return result


def can_view_classroom(user, classroom) -> bool:
    if user.is_authenticated and user.is_active and user.is_superuser:
        return True
    return classroom.pk in visible_classroom_ids(user)


def school_of(classroom):
    """The school a class space belongs to: its parent page, found by path."""
    from pages.models import SchoolPage

    return SchoolPage.objects.get(path=classroom.path[: -Page.steplen])


def can_manage_classroom(user, classroom) -> bool:
    """Teachers of the class and the school's director manage its pupils and parents."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if Membership.objects.filter(
        user=user, classroom_id=classroom.pk, role=Membership.Role.TEACHER
    ).exists():
        return True
    return classrooms_directed_by(user).filter(pk=classroom.pk).exists()
