"""Keep rights in step with the rows: class creation, moves, memberships, guardianships;
and a pupil's session shortened at login (sessions.py)."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from wagtail.signals import post_page_move

from accounts import roles

from . import permissions
from .models import ClassroomPage, Guardianship, Membership
from .sessions import shorten_pupil_session


def classroom_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        permissions.set_up_new_classroom(instance)


def classroom_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if parent_page_before.pk != parent_page_after.pk:
        permissions.classroom_moved(ClassroomPage.objects.get(pk=instance.pk))


def class_row_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for person in permissions.people_affected_by(instance):
        roles.sync_user(person)


def register():
    post_save.connect(classroom_saved, sender=ClassroomPage, dispatch_uid="classroom_saved")
    post_page_move.connect(classroom_moved, sender=ClassroomPage, dispatch_uid="classroom_moved")
    for model in (Membership, Guardianship):
        post_save.connect(class_row_changed, sender=model, dispatch_uid=f"{model.__name__}_saved")
        post_delete.connect(
            class_row_changed, sender=model, dispatch_uid=f"{model.__name__}_deleted"
        )
    user_logged_in.connect(shorten_pupil_session, dispatch_uid="shorten_pupil_session")
