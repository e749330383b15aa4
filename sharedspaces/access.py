"""A shared space from the address, or 404: the one way in for the views of the space
and of its activities (forum/, newspaper/, stories/)."""

from django.http import Http404

from . import rules
from .models import SharedSpace, SpaceClass


def number(value):
    """An id from the address or a form; anything else is a forged request (404)."""
    try:
        value = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < value < 2**63:
        raise Http404
    return value


def space_rows(space) -> list:
    """The space's classes, every status, in their order, with their class page: one query."""
    return list(
        SpaceClass.objects.filter(space=space)
        .select_related("classroom")
        .order_by("position", "pk")
    )


def standing_or_404(user, space_id, activity=None, *, invited=False) -> rules.Standing:
    """The person's standing in the space, if they may read it (and it holds `activity`).

    `invited=True` also lets in the teachers of a class invited to it (not yet a member),
    for the page where they accept or decline; they see its classes, never its content.
    Two queries: the space, its classes.
    """
    space = SharedSpace.objects.filter(pk=number(space_id)).first()
    if space is None or (activity and space.activity != activity):
        raise Http404
    standing = rules.standing_of(user, space, space_rows(space))
    if standing.may_read:
        return standing
    if invited and any(
        row.status == SpaceClass.Status.INVITED and standing.may_answer_for(row)
        for row in standing.classes
    ):
        return standing
    raise Http404


def staff_standing_or_404(user, space_id, activity=None) -> rules.Standing:
    """Only for those who run the space (its creator, its member classes' teachers)."""
    standing = standing_or_404(user, space_id, activity)
    if not standing.may_manage:
        raise Http404
    return standing


def contributor_standing_or_404(user, space_id, activity=None) -> rules.Standing:
    """Only for those who write in the space (pupils and staff of its member classes)."""
    standing = standing_or_404(user, space_id, activity)
    if not standing.may_contribute:
        raise Http404
    return standing
