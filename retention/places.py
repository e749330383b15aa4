"""Whether a person still has a place on the portal: the one question deactivation asks.

A place is a membership of a class that is not closed (a closed class is its year's
archive: reading it is no place), a child with such a membership, a staff row beside a
school or a municipality, or being a portal administrator. Anyone else no longer has a
reason to hold an account (README "Retention").
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from classrooms.models import Guardianship, Membership
from pages.models import MunicipalityAgent, SchoolStaff


def without_place(users):
    """The people of the queryset `users` who hold no place: constant queries."""
    in_open_class = Membership.objects.filter(user=OuterRef("pk"), classroom__closed_on=None)
    # A membership in an open class, not a missing one: a child in no class at all gives
    # no place (a plain `closed_on=None` across the join would match the empty join).
    child_in_open_class = Guardianship.objects.filter(
        parent=OuterRef("pk"),
        child__is_active=True,
        child__memberships__in=Membership.objects.filter(classroom__closed_on=None),
    )
    return users.exclude(
        Q(is_superuser=True)
        | Exists(in_open_class)
        | Exists(child_in_open_class)
        | Exists(SchoolStaff.objects.filter(user=OuterRef("pk")))
        | Exists(MunicipalityAgent.objects.filter(user=OuterRef("pk")))
    )


def has_place(user) -> bool:
    return not without_place(get_user_model().objects.filter(pk=user.pk)).exists()
