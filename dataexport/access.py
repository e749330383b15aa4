"""Whose data a person may export: their own, their children's, their pupils'.

Only the person, their parents (for a child), the teachers of a class the child is a
pupil of and the directors of its school (the portal administrator too, as for every
class's roster); everyone else gets 404, so nobody learns that an account exists.
"""

from django.contrib.auth import get_user_model
from django.http import Http404

from accounts.people import is_active_person
from classrooms.models import ClassroomPage, Guardianship, Membership
from classrooms.permissions import can_manage_classroom


class Standing:
    """Why the viewer may export this person's data."""

    SELF = "self"
    PARENT = "parent"
    STAFF = "staff"


def standing(viewer, person):
    """SELF, PARENT, STAFF or None: how `viewer` may export `person`'s data."""
    if not is_active_person(viewer):
        return None
    if viewer.pk == person.pk:
        return Standing.SELF
    if Guardianship.objects.filter(parent=viewer, child=person).exists():
        return Standing.PARENT
    classes = ClassroomPage.objects.filter(
        memberships__user=person, memberships__role=Membership.Role.PUPIL
    )
    if any(can_manage_classroom(viewer, classroom) for classroom in classes):
        return Standing.STAFF
    return None


def person_or_404(viewer, person_id):
    """The account whose data `viewer` may export, and why; 404 for everyone else."""
    person = get_user_model().objects.filter(pk=person_id).first()
    how = standing(viewer, person) if person is not None else None
    if how is None:
        raise Http404
    return person, how
