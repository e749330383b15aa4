"""A word's file leaves MEDIA_ROOT once its row is deleted and the deletion committed."""

from django.db import transaction


def file_deleted(sender, instance, **kwargs):
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
