"""Who may read, write and moderate comments on a class blog entry: the one place.

- Reading: whoever may read the entry (classrooms/visibility.py), partner classes
  included; a comment waiting or refused is seen by its author and the moderators only.
- Writing: members of the class, parents of its pupils, the school's staff and members
  of partner classes; never anonymous visitors, never readers of a public entry.
- Moderating: the class's teachers and the school's director (moderate_classroom).
- Published at once: the moderators' own comments, and those of the school's staff
  and of partner classes' teachers; pupils', parents' and partner pupils' comments wait.
- Versions of an entry (the rewriting a comment led to): the class's members and its
  moderators; parents of its pupils only the versions that were published to the class.
  Never readers of a shared entry nor partner classes: an earlier version may hold what
  the staff took out before sharing it, a later one a draft nobody approved.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from accounts.people import is_active_person
from classrooms.models import Membership
from classrooms.permissions import (
    can_comment_in_classroom,
    can_moderate_classroom,
    can_view_classroom,
)
from classrooms.person import person_of
from classrooms.visibility import can_read_entry, guest_class_paths
from pages.permissions import staff_school_paths
from performance import versions

from .models import ClassComment, Partnership


@dataclass(frozen=True)
class CommentRights:
    read: bool = False
    write: bool = False
    moderate: bool = False
    publish_at_once: bool = False


def partner_class_paths(user):
    """guest source for classrooms.visibility: classes whose blog the person's class reads.

    No query for people who belong to no class (parents, directors, agents); for the
    others, shared under the versions of their classes, which a partnership replaces
    (performance/versions.py).
    """
    places = sorted(
        {place.page.pk: place.page.path for place in person_of(user).memberships}.items()
    )
    guest_classes = [pk for pk, _path in places]
    if not guest_classes:
        return []

    def load():
        return list(
            Partnership.objects.filter(
                guest_id__in=guest_classes, status=Partnership.Status.ACCEPTED
            ).values_list("host__path", flat=True)
        )

    key = "partner-paths:" + ",".join(str(pk) for pk in guest_classes)
    return versions.cached(key, tuple(versions.class_scope(path) for _pk, path in places), load)


def is_school_staff(user, classroom) -> bool:
    return classroom.path[: -Page.steplen] in staff_school_paths(user)


def teaches_a_partner_class(user, classroom) -> bool:
    return Partnership.objects.filter(
        host=classroom,
        status=Partnership.Status.ACCEPTED,
        guest__memberships__user=user,
        guest__memberships__role=Membership.Role.TEACHER,
    ).exists()


def rights_on(user, entry, classroom) -> CommentRights:
    """What this person may do with the comments of this entry of this class."""
    if not (entry.live and can_read_entry(user, entry)):
        return CommentRights()
    if not is_active_person(user):
        return CommentRights(read=True)
    if user.is_superuser or can_moderate_classroom(user, classroom):
        return CommentRights(read=True, write=True, moderate=True, publish_at_once=True)
    guest = classroom.path in guest_class_paths(user)
    staff = is_school_staff(user, classroom)
    write = can_comment_in_classroom(user, classroom) or staff or guest
    at_once = staff or (guest and teaches_a_partner_class(user, classroom))
    return CommentRights(read=True, write=write, publish_at_once=write and at_once)


def reads_every_version(user, classroom) -> bool:
    """The class's members (teachers, assistants, pupils) and its moderators."""
    if not is_active_person(user):
        return False
    if user.is_superuser or can_moderate_classroom(user, classroom):
        return True
    return person_of(user).is_member(classroom)


def published_version_ids(entry) -> frozenset:
    """The entry's revisions that were once published, from Wagtail's publication log.

    Shared under the entry's version, which each publication replaces.
    """

    def load():
        return sorted(
            PageLogEntry.objects.filter(
                page_id=entry.pk, action="wagtail.publish", revision__isnull=False
            ).values_list("revision_id", flat=True)
        )

    scopes = (versions.page_scope(entry.pk),)
    return frozenset(versions.cached(f"published-versions:{entry.pk}", scopes, load))


def readable_version_ids(user, entry, classroom, revision_ids) -> frozenset:
    """Which of these revisions of the entry this person may read (see the docstring)."""
    revision_ids = frozenset(revision_ids)
    if not revision_ids:
        return revision_ids
    if reads_every_version(user, classroom):
        return revision_ids
    if is_active_person(user) and can_view_classroom(user, classroom):  # parents of its pupils
        return revision_ids & published_version_ids(entry)
    return frozenset()


def flooding(user) -> bool:
    """Whether the person wrote too many comments lately (counted in the database, so
    every app server agrees)."""
    since = timezone.now() - timedelta(minutes=settings.PREAU_COMMENTS_WINDOW_MINUTES)
    recent = ClassComment.objects.filter(user=user, submit_date__gte=since).count()
    return recent >= settings.PREAU_COMMENTS_PER_WINDOW
