"""Finding what an address names, for a person of its class; 404 otherwise.

Every view of the diary starts here, so that a person outside the class learns nothing,
not even that a session exists."""

from django.http import Http404

from classrooms.views import classroom_or_404

from . import rules
from .models import HomeworkItem, Session

__all__ = ["classroom_or_404", "item_or_404", "number", "session_or_404"]


def number(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def session_or_404(user, session_id):
    session = Session.objects.filter(pk=number(session_id)).select_related("classroom").first()
    if session is None or not rules.may_read(user, session.classroom):
        raise Http404
    return session, session.classroom


def item_or_404(user, item_id):
    """The item and its class, for a person who may read that item."""
    item = (
        HomeworkItem.objects.filter(pk=number(item_id)).select_related("session__classroom").first()
    )
    if item is None:
        raise Http404
    classroom = item.session.classroom
    if not rules.may_read_item(user, item, classroom):
        raise Http404
    return item, classroom
