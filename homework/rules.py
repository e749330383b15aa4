"""Who reads, writes and ticks in the homework diary: its one rules module.

Everything is derived from the class's membership and guardianship rows (classrooms),
never from a flag a person could set:

- The diary, its sessions and their files are the class's: its members, the parents of
  its pupils and the school's director read them (can_view_classroom); everyone else
  gets 404, on every page, file, feed and htmx endpoint.
- An item is for the whole class, one group or chosen pupils: a pupil sees the items for
  them, a parent those for their own children; the class's staff see every item and who
  ticked it.
- Sessions and items are written by the class's teachers; its assistants (ATSEM) and the
  school's director read everything, never write.
- Only the pupil themself ticks an item done, and only an item that is for them, while
  the class is open (its archive is read-only).
"""

from django.db.models import Exists, OuterRef, Q

from classrooms.models import Membership, PupilGroup
from classrooms.moderation import teaches_class_of
from classrooms.permissions import (
    can_moderate_classroom,
    can_view_classroom,
    works_in_classroom,
)
from classrooms.person import person_of

from .models import Audience, HomeworkItem


def may_read(user, classroom) -> bool:
    return user.is_authenticated and can_view_classroom(user, classroom)


def is_teacher(user, classroom) -> bool:
    return user.is_authenticated and (user.is_superuser or teaches_class_of(user, classroom))


def may_write(user, classroom) -> bool:
    """Writes, copies and deletes sessions: the class's teachers."""
    return is_teacher(user, classroom)


def is_staff(user, classroom) -> bool:
    """Sees every item and who ticked it: teachers, assistants, the school's director."""
    if not user.is_authenticated:
        return False
    return (
        is_teacher(user, classroom)
        or can_moderate_classroom(user, classroom)
        or person_of(user).is_member(classroom, role=Membership.Role.ASSISTANT)
    )


def is_pupil_of(user, classroom) -> bool:
    return user.is_authenticated and person_of(user).is_member(
        classroom, role=Membership.Role.PUPIL
    )


def children_in(user, classroom):
    """The person's children who are pupils of the class (Child rows of classrooms.person)."""
    if not user.is_authenticated:
        return []
    return person_of(user).children_in(classroom)


def for_pupil(pupil_id):
    """A filter on items: those for this pupil (in a class they belong to)."""
    in_group = PupilGroup.pupils.through.objects.filter(
        pupilgroup_id=OuterRef("group_id"), user_id=pupil_id
    )
    chosen = HomeworkItem.pupils.through.objects.filter(
        homeworkitem_id=OuterRef("pk"), user_id=pupil_id
    )
    return (
        Q(audience=Audience.CLASS)
        | Q(Exists(in_group), audience=Audience.GROUP)
        | Q(Exists(chosen), audience=Audience.PUPILS)
    )


def concerns(item, pupil_id) -> bool:
    """Whether the item is for this pupil, asked of the database (one query)."""
    return HomeworkItem.objects.filter(for_pupil(pupil_id), pk=item.pk).exists()


def works_here(user, classroom) -> bool:
    """A pupil of the class who still ticks its homework: not in its archive (a closed
    class), which they read."""
    return works_in_classroom(user, classroom)


def may_tick(user, item, classroom) -> bool:
    """Only the pupil themself, in their class of the year, for an item that is theirs."""
    return works_here(user, classroom) and concerns(item, user.pk)


def may_read_item(user, item, classroom) -> bool:
    if not may_read(user, classroom):
        return False
    if is_staff(user, classroom):
        return True
    if is_pupil_of(user, classroom) and concerns(item, user.pk):
        return True
    return any(concerns(item, child.pk) for child in children_in(user, classroom))
