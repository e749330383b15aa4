"""Who sees, writes, marks and publishes in the writing workshop: its one rules module.

Everything is derived from the class's membership rows (classrooms.models), never from a
flag a person could set:

- An assignment is seen by the class's audience (ClassActivityPage); a pupil it is not
  set for does not see it (404, not on the wall).
- A text is read by its authors, the class's staff (teachers, assistants, the school's
  director, the portal's administrators), and the parents of an author once the teacher
  shares it with them. Everyone else gets 404, on every page and file of the app.
- Its authors write it while it is theirs (being written, or to rewrite); the class's
  teachers write it at any time before it is published (after gathering, say). In a
  closed class (its year's archive) nobody writes, marks or publishes any more: its
  pupils and assistants read, like its teachers.
- Marks, comments, "ready" and gathering are the teacher's; the class's assistants (ATSEM)
  mark too when the assignment allows it. The director reads, never marks.
- The class's legend is its teachers'. Progress: a pupil their own, a parent their
  child's, the class's staff everyone's.
"""

from classrooms import assigned
from classrooms.models import Membership
from classrooms.moderation import teaches_class_of
from classrooms.permissions import (
    can_moderate_classroom,
    can_view_classroom,
    works_in_classroom,
)
from classrooms.person import person_of

from .models import TextStatus


def classroom_of(assignment):
    return assignment.get_classroom()


def is_teacher(user, classroom) -> bool:
    return user.is_authenticated and (user.is_superuser or teaches_class_of(user, classroom))


def is_staff(user, classroom) -> bool:
    """Reads every text of the class: its teachers, assistants and the school's director."""
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
    """A pupil of the class who still writes in it: not in its archive, which they read."""
    return works_in_classroom(user, classroom)


def is_for(assignment, pupil) -> bool:
    """Whether it is set for this pupil (the whole class, or one of theirs)."""
    return assigned.is_set_for(assignment, pupil)


def may_set(user, classroom) -> bool:
    """Sets assignments, edits the legend, gathers texts: the class's teachers."""
    return is_teacher(user, classroom)


def may_mark(user, assignment, classroom) -> bool:
    if is_teacher(user, classroom):
        return True
    return assignment.assistants_may_mark and works_in_classroom(
        user, classroom, Membership.Role.ASSISTANT
    )


def is_author(user, text) -> bool:
    return user.is_authenticated and any(author.pk == user.pk for author in text.authors.all())


def may_read(user, text, classroom) -> bool:
    if not can_view_classroom(user, classroom):
        return False
    if is_author(user, text) or is_staff(user, classroom):
        return True
    if not (text.shared_with_parents and user.is_authenticated):
        return False
    children = person_of(user).children
    return any(author.pk in children for author in text.authors.all())


def may_write(user, text, classroom) -> bool:
    if text.gathered_into_id or text.status == TextStatus.PUBLISHED:
        return False
    if is_teacher(user, classroom):
        return True
    return (
        is_author(user, text)
        and text.status in (TextStatus.WRITING, TextStatus.TO_REWRITE)
        and works_here(user, classroom)
    )


def may_publish(user, text, classroom) -> bool:
    """Turns a text the teacher said is ready into a blog entry: its authors and teachers."""
    if text.status != TextStatus.READY or text.gathered_into_id:
        return False
    return is_teacher(user, classroom) or (is_author(user, text) and works_here(user, classroom))


def may_rewrite_published(user, text, classroom) -> bool:
    """Starts a new draft of a published text (after comments): its authors and teachers."""
    if text.status != TextStatus.PUBLISHED:
        return False
    return is_teacher(user, classroom) or (is_author(user, text) and works_here(user, classroom))


def may_see_progress_of(user, pupil_id, classroom) -> bool:
    if not can_view_classroom(user, classroom):
        return False
    if user.pk == pupil_id or is_staff(user, classroom):
        return True
    return user.is_authenticated and pupil_id in person_of(user).children
