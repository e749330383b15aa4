"""Retention (messaging/models.py): a person's messages go with their account, a
conversation goes with its last participant, and attachment files leave the disk."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from messaging.models import Attachment, Conversation, Message

pytestmark = pytest.mark.django_db


def test_erasing_accounts_erases_their_messages_then_the_conversation_and_its_files(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.parent)
    client.post(
        reverse("messaging:new"),
        {
            "to": [world.teacher.pk],
            "subject": "Sortie",
            "body": "Voici l'autorisation.",
            "document": SimpleUploadedFile(
                "autorisation.txt", b"J'autorise ma fille.", content_type="text/plain"
            ),
        },
    )
    conversation = Conversation.objects.get()
    attachment = Attachment.objects.get()
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    client.force_login(world.teacher)
    client.post(
        reverse("messaging:conversation", kwargs={"conversation_id": conversation.pk}),
        {"body": "Merci."},
    )

    with django_capture_on_commit_callbacks(execute=True):
        world.parent.delete()
    assert Conversation.objects.filter(pk=conversation.pk).exists()  # the teacher is in it
    assert list(Message.objects.values_list("body", flat=True)) == ["<p>Merci.</p>"]
    assert not storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        world.teacher.delete()
    assert not Conversation.objects.exists()
