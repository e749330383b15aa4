"""Erase what nobody keeps any more (models.py, "Retention"): a conversation whose
last participant left the portal, and the file of an attachment erased with its message.

Account deletion cascades to a person's participations and messages; these handlers
finish the job for what the cascade cannot reach: the conversation row other people's
messages kept alive, and the files on disk."""

from django.db import transaction
from django.db.models.signals import post_delete

from .models import Attachment, Conversation, Participant


def participant_deleted(sender, instance, **kwargs):
    """Once nobody is left in a conversation, it is erased with what remains in it."""
    conversation_id = instance.conversation_id
    if not Participant.objects.filter(conversation_id=conversation_id).exists():
        Conversation.objects.filter(pk=conversation_id).delete()


def attachment_deleted(sender, instance, **kwargs):
    """The file goes once the erasure is committed: a rolled back deletion keeps it."""
    storage, name = instance.file.storage, instance.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def register():
    post_delete.connect(
        participant_deleted, sender=Participant, dispatch_uid="messaging_participant_deleted"
    )
    post_delete.connect(
        attachment_deleted, sender=Attachment, dispatch_uid="messaging_attachment_deleted"
    )
