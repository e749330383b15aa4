"""Nursery mode: whether a pupil gets pictograms and speech instead of written labels.

Children who do not read yet (nursery classes, TPS to GS) record, take photos and find
their classmates by a picture. A class is in nursery mode by its level unless its teacher
chose otherwise (ClassroomPage.nursery_mode), and a teacher may switch it on for one
pupil of an elementary class, or off for one of a nursery class (Membership.nursery_mode).
`in_nursery_mode` is the one place that decides; everything else asks it.
"""

from .models import Membership
from .person import reads_as_pupil


def in_nursery_mode(classroom, membership) -> bool:
    """The decision, from the class and the person's membership of it (None: not a member).

    Only pupils are ever in nursery mode: adults read, and edit with the full editor.
    """
    if membership is None or membership.role != Membership.Role.PUPIL:
        return False
    if membership.nursery_mode == Membership.PupilNurseryMode.ON:
        return True
    if membership.nursery_mode == Membership.PupilNurseryMode.OFF:
        return False
    return classroom.nursery_mode_by_default


def pupil_in_nursery_mode(user, classroom) -> bool:
    """Whether `user` sees `classroom`'s pages in nursery mode: one query for a pupil of
    the class, none for anyone else (what the person is was read once for the request)."""
    if not user.is_authenticated or not reads_as_pupil(user, classroom):
        return False
    membership = Membership.objects.filter(user=user, classroom=classroom).first()
    return in_nursery_mode(classroom, membership)
