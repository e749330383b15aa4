"""Finding what an address names, for a person allowed to see it; 404 otherwise.

Every view of the app starts here, so that a person outside the class, or a pupil whose
round it is not, learns nothing, not even that it exists."""

from django.http import Http404

from classrooms.views import classroom_or_404

from . import rules
from .models import DrillPage, DrillRound

__all__ = ["classroom_or_404", "drill_or_404", "number", "round_or_404"]


def number(value) -> int:
    """A posted id as a number (0, which names nothing, when it is not one)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def drill_or_404(user, drill_id):
    drill = DrillPage.objects.filter(pk=number(drill_id)).prefetch_related("levels").first()
    if drill is None:
        raise Http404
    classroom = classroom_or_404(user, drill.get_classroom().pk)
    if not drill.live and not rules.is_teacher(user, classroom):
        raise Http404
    return drill, classroom


def round_or_404(user, round_id):
    """A round and its drill and class, for its own pupil only."""
    round_ = DrillRound.objects.filter(pk=number(round_id)).first()
    if round_ is None or not user.is_authenticated or round_.pupil_id != user.pk:
        raise Http404
    drill, classroom = drill_or_404(user, round_.drill_id)
    if not rules.is_pupil_of(user, classroom):
        raise Http404
    return round_, drill, classroom
