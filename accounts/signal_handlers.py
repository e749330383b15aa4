"""A role group's auth group goes with it, so a deleted class leaves no group behind;
a pupil's session is shortened at login (sessions.py)."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete

from .models import RoleGroup
from .sessions import shorten_pupil_session


def role_group_deleted(sender, instance, **kwargs):
    instance.group.delete()


def register():
    post_delete.connect(role_group_deleted, sender=RoleGroup, dispatch_uid="role_group_deleted")
    user_logged_in.connect(shorten_pupil_session, dispatch_uid="shorten_pupil_session")
