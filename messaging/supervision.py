"""What the adults responsible see: the conversations between pupils of their classes,
the reports that reached them, and the messaging rules of their classes and school."""

from classrooms.models import ClassroomPage, Membership
from classrooms.person import person_of
from pages.models import SchoolStaff

from .models import Conversation, Report


def taught_class_ids(user) -> list:
    return sorted(person_of(user).member_class_ids(Membership.Role.TEACHER))


def supervised_classes_of(user):
    """The classes this person teaches (their pupils' conversations, their rules)."""
    ids = taught_class_ids(user)
    return list(ClassroomPage.objects.filter(pk__in=ids).order_by("title")) if ids else []


def pupils_conversations(classroom):
    return (
        Conversation.objects.filter(supervised_class=classroom)
        .prefetch_related("participants__user")
        .order_by("-last_message_at")
    )


def reports_waiting(user) -> int:
    if not (user.is_authenticated and user.is_active):
        return 0
    return Report.objects.filter(handlers=user, handled_at__isnull=True).count()


def directed_schools(user):
    paths = person_of(user).directed_school_paths()
    if not paths:
        return []
    from pages.models import SchoolPage

    return list(SchoolPage.objects.filter(path__in=paths).order_by("title"))


def school_staff_choices(school):
    """The staff of a school a director may open to families (teachers of a class are
    already open to their pupils' families)."""
    from django.contrib.auth import get_user_model

    from .rules import under_schools

    staff = SchoolStaff.objects.filter(school=school).values("user_id")
    members = Membership.objects.filter(
        under_schools([school.path]), role__in=[Membership.Role.TEACHER, Membership.Role.ASSISTANT]
    ).values("user_id")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(pk__in=staff.union(members))
        .order_by("last_name", "first_name")
    )
