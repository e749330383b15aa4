"""Finding a conversation for a person, or 404: its participants read it, and the
teachers of the class whose pupils wrote to each other without an adult (supervision)."""

from django.http import Http404

from . import rules
from .models import Conversation

PARTICIPANT = "participant"
SUPERVISOR = "supervisor"


def number(value):
    """An id from the address or a form; anything else is a forged request (404)."""
    try:
        value = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < value < 2**63:
        raise Http404
    return value


def conversation_or_404(user, conversation_id):
    """(conversation, ids of its people, how the person reads it)."""
    if not (user.is_authenticated and user.is_active):
        raise Http404
    conversation = (
        Conversation.objects.select_related("started_by", "supervised_class")
        .filter(pk=number(conversation_id))
        .first()
    )
    if conversation is None:
        raise Http404
    participant_ids = set(conversation.participants.values_list("user_id", flat=True))
    if user.pk in participant_ids:
        return conversation, participant_ids, PARTICIPANT
    if user.pk in rules.supervisors(conversation):
        return conversation, participant_ids, SUPERVISOR
    raise Http404
