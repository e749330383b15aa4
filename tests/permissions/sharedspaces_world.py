"""Shared spaces' part of the permission matrix's world (issue 21), built by conftest.py.

- "Lectures du printemps", created by the class's teacher, parents reading: class A1 (the
  class) and partner class B2 (school B) are members; class A2 was a member and LEFT.
- "Club des Bourgs", created by a teacher of B2 (no role): class A1 is INVITED.
Only ids leave the builder.
"""

from dataclasses import dataclass

from django.utils import timezone

from sharedspaces.models import SharedSpace, SpaceClass
from tests import factories

from .matrix import TEACHER


@dataclass(frozen=True)
class SharedSpacesWorld:
    space_id: int
    space_title: str
    partner_row_id: int  # B2's place in the space
    invited_space_id: int
    invited_row_id: int  # A1's invitation to the other space
    invited_space_title: str
    far_classroom_id: int  # B1: a class to invite


def build_sharedspaces_world(users, classroom, other_classroom, partner_classroom, far_classroom):
    now = timezone.now()
    space = SharedSpace.objects.create(
        title="Lectures du printemps",
        activity="reading_club",
        parents_read=True,
        created_by=users[TEACHER],
    )
    rows = {}
    for position, (room, status) in enumerate(
        (
            (classroom, SpaceClass.Status.ACCEPTED),
            (partner_classroom, SpaceClass.Status.ACCEPTED),
            (other_classroom, SpaceClass.Status.LEFT),
        ),
        start=1,
    ):
        rows[room.pk] = SpaceClass.objects.create(
            space=space, classroom=room, status=status, position=position, answered_at=now
        )
    other_teacher = factories.UserFactory(username="partner_teacher", first_name="Aurélie")
    invited_space = SharedSpace.objects.create(
        title="Club des Bourgs", activity="reading_club", created_by=other_teacher
    )
    SpaceClass.objects.create(
        space=invited_space, classroom=partner_classroom, status=SpaceClass.Status.ACCEPTED
    )
    invited = SpaceClass.objects.create(space=invited_space, classroom=classroom, position=2)
    return SharedSpacesWorld(
        space_id=space.pk,
        space_title=space.title,
        partner_row_id=rows[partner_classroom.pk].pk,
        invited_space_id=invited_space.pk,
        invited_row_id=invited.pk,
        invited_space_title=invited_space.title,
        far_classroom_id=far_classroom.pk,
    )
