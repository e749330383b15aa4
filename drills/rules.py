"""Who plays, follows and sets levels in a drill: the app's one rules module.

Everything is derived from the class's membership and guardianship rows (classrooms),
never from a flag:

- The drill page is the class's: its members, the parents of its pupils and the school's
  director read it (ClassActivityPage); everyone else gets 404, on every view here too.
- A drill is for the whole class: each pupil of the class plays it, and only for
  themself (a round is its pupil's; anyone else gets 404), while the class is open:
  in its archive they read their results.
- The class grid (every pupil's level and results): the class's teachers, its assistants
  (ATSEM) and the school's director; only the teachers set a pupil's level and write
  drills.
- A parent reads their own children's progress, never another pupil's.
"""

from classrooms.models import Membership
from classrooms.moderation import teaches_class_of
from classrooms.permissions import (
    can_moderate_classroom,
    can_view_classroom,
    works_in_classroom,
)
from classrooms.person import person_of


def may_read(user, classroom) -> bool:
    return user.is_authenticated and can_view_classroom(user, classroom)


def is_teacher(user, classroom) -> bool:
    """Writes drills and sets levels: the class's teachers (and the portal's administrator)."""
    return user.is_authenticated and (user.is_superuser or teaches_class_of(user, classroom))


def sees_grid(user, classroom) -> bool:
    """Reads every pupil's level and results: teachers, assistants, the school's director."""
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


def works_here(user, classroom) -> bool:
    """A pupil of the class who still plays its drills: not in its archive (a closed
    class), where they read their results."""
    return works_in_classroom(user, classroom)


def children_in(user, classroom) -> list:
    """The person's children who are pupils of the class (no query: classrooms.person)."""
    if not user.is_authenticated:
        return []
    return person_of(user).children_in(classroom)
