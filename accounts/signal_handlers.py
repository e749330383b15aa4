"""A role group's auth group goes with it, so a deleted class leaves no group behind.

(A pupil's session is shortened at login by classrooms/sessions.py: who is a pupil is a
class membership.)"""

from django.db.models.signals import post_delete

from .models import RoleGroup


def role_group_deleted(sender, instance, **kwargs):
    instance.group.delete()


def register():
    post_delete.connect(role_group_deleted, sender=RoleGroup, dispatch_uid="role_group_deleted")
