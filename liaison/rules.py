"""Who writes, follows and reads words to parents: liaison's one rules module.

Everything is derived on every request from the rows (memberships, guardianships, school
staff), read through classrooms.person in one query per request; nothing about rights is
stored:

- A class's teachers write to the families of their class, of one of its groups or of
  chosen pupils; a school's director to the whole school or to any class of it.
- A word's follow-up (who acknowledged, the answers, reminders, the printable list) is
  for its author, the directors of its school, and for a class word the class's teachers.
- A parent reads a word once per child of theirs it concerns, and acknowledges and
  answers it for that child. Nobody else writes an acknowledgement: staff never do.
- Everyone else (other schools, other classes' parents, pupils) gets 404 on every page,
  file and action.
"""

from django.db.models import Q

from accounts.people import is_active_person
from classrooms.person import person_of
from pages.models import SchoolStaff


def _superuser(user) -> bool:
    return is_active_person(user) and user.is_superuser


def directed_school_ids(user) -> set[int]:
    if not is_active_person(user):
        return set()
    return {
        place.page.pk for place in person_of(user).staff if place.role == SchoolStaff.Role.DIRECTOR
    }


def taught_class_ids(user) -> set[int]:
    if not is_active_person(user):
        return set()
    return person_of(user).taught_class_ids()


def directs_school_of(user, classroom) -> bool:
    if not is_active_person(user):
        return False
    return any(classroom.path.startswith(path) for path in person_of(user).directed_school_paths())


def may_write_to_school(user, school) -> bool:
    """The whole school's families: its directors only."""
    return _superuser(user) or school.pk in directed_school_ids(user)


def may_write_to_class(user, classroom) -> bool:
    """A class's families (all, a group, chosen pupils): its teachers and the directors."""
    return (
        _superuser(user)
        or classroom.pk in taught_class_ids(user)
        or directs_school_of(user, classroom)
    )


def may_write_at_all(user) -> bool:
    return _superuser(user) or bool(taught_class_ids(user) or directed_school_ids(user))


def may_follow(user, word) -> bool:
    """Sees who acknowledged, the answers; reminds; prints the families not reached."""
    if not is_active_person(user):
        return False
    if _superuser(user) or (word.author_id and word.author_id == user.pk):
        return True
    if word.school_id in directed_school_ids(user):
        return True
    return word.classroom_id is not None and word.classroom_id in taught_class_ids(user)


def followed_words_filter(user) -> Q:
    """The words whose follow-up this person sees, as a filter (for lists)."""
    if _superuser(user):
        return Q()
    if not is_active_person(user):
        return Q(pk__in=[])
    return (
        Q(author=user)
        | Q(school_id__in=directed_school_ids(user))
        | Q(classroom_id__in=taught_class_ids(user))
    )


def is_parent_of(user, child_id) -> bool:
    """A guardian of this child (a row of classrooms.Guardianship), read live."""
    return is_active_person(user) and child_id in person_of(user).children


def children_of(user) -> dict:
    """child id → Child, for the carnets a parent opens."""
    if not is_active_person(user):
        return {}
    return person_of(user).children


def may_read_as_parent(user, word, child_id, concerned: bool) -> bool:
    """Reads, acknowledges and answers: a parent of a child the word concerns."""
    return concerned and is_parent_of(user, child_id)
