"""Who reads, ticks, follows and adjusts a work plan: the one place where it is written.

Everything is derived from the class's membership and guardianship rows and from the
plan's groups and pupils, never from a flag a person could set:

- A plan is for the whole class, or the groups and pupils the teacher chose; a pupil it
  is not for, and a parent none of whose children it is for, get 404 (and no wall card).
- A pupil ticks (and unticks) their own tasks; a teacher of the class ticks for a pupil.
  Once the class is closed (its year's archive) nobody ticks: everyone reads.
- The class grid (pupils × tasks) is read by the class's staff: its teachers, its
  assistants (ATSEM) and the school's director; only the teachers adjust it, write and
  edit plans.
- A parent reads their child's plan and ticks, never changes them, never sees another
  pupil's.
"""

from classrooms import assigned
from classrooms.models import Membership
from classrooms.moderation import teaches_class_of
from classrooms.permissions import can_moderate_classroom, works_in_classroom
from classrooms.person import person_of


def is_teacher(user, classroom) -> bool:
    return user.is_authenticated and (user.is_superuser or teaches_class_of(user, classroom))


def may_write(user, classroom) -> bool:
    """Writes, edits and adjusts plans, ticks for a pupil: the class's teachers."""
    return is_teacher(user, classroom)


def is_staff(user, classroom) -> bool:
    """Reads the class grid: teachers, assistants, the school's director."""
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


def is_for(plan, pupil) -> bool:
    """Whether the plan is set for this pupil (the whole class, or one of theirs)."""
    return assigned.is_set_for(plan, pupil)


def children_for(user, plan, classroom):
    """The person's children in the class that the plan is for (no query for the
    children themselves: classrooms.person)."""
    if not user.is_authenticated:
        return []
    return [child for child in person_of(user).children_in(classroom) if is_for(plan, child)]


def may_read(user, plan, classroom) -> bool:
    """Staff, a pupil it is for, a parent of a pupil it is for."""
    if is_staff(user, classroom):
        return True
    if is_pupil_of(user, classroom) and is_for(plan, user):
        return True
    return bool(children_for(user, plan, classroom))


def may_tick_for(user, pupil, plan, classroom) -> bool:
    """A pupil for themself; a teacher for any pupil of the class the plan is for."""
    if pupil is None or not is_for(plan, pupil):
        return False
    if user.pk == pupil.pk:
        return works_in_classroom(user, classroom)
    return may_write(user, classroom)
