"""A place ends, a place begins: accounts are closed and reopened as it happens.

When the last place of a person ends outside the year's rollover (a pupil taken off a
roster, a class deleted, a staff row removed, a family link ended), their account is
closed at once and scheduled for deletion (deactivation.py), once the transaction that
ended it commits: a pupil moved from one class to another within a transaction never
loses their place. The school of the place that ended is read when its row is deleted,
since it is gone by then, so that its director is told before the deletion.

When a person whose account was closed for lack of a place finds one again (enrolled
again, a new staff row), the account is reopened and its deletion dropped. An account a
member of staff switched off by hand (no ScheduledDeletion) stays off.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from classrooms.models import Guardianship, Membership
from pages.models import MunicipalityAgent, SchoolStaff

from .deactivation import deactivate_without_place, reactivate, schools_of_classrooms
from .models import ScheduledDeletion
from .places import has_place


def _close_later(user_ids, schools):
    user_ids = [pk for pk in user_ids if pk]
    if user_ids:
        transaction.on_commit(lambda: deactivate_without_place(user_ids, schools=schools))


def membership_deleted(sender, instance, **kwargs):
    schools = {}
    school_id = schools_of_classrooms([instance.classroom_id]).get(instance.classroom_id)
    if school_id:
        schools[instance.user_id] = school_id
    _close_later([instance.user_id], schools)


def guardianship_deleted(sender, instance, **kwargs):
    _close_later([instance.parent_id], {})


def school_staff_deleted(sender, instance, **kwargs):
    _close_later([instance.user_id], {instance.user_id: instance.school_id})


def agent_deleted(sender, instance, **kwargs):
    _close_later([instance.user_id], {})


def _reopen(user_ids):
    for row in ScheduledDeletion.objects.filter(user_id__in=user_ids).select_related("user"):
        if has_place(row.user):
            reactivate(row.user)


def place_created(sender, instance, created, **kwargs):
    if not created:
        return
    user_id = getattr(instance, "user_id", None) or getattr(instance, "parent_id", None)
    user_ids = {user_id}
    if sender is Membership:
        # A child enrolled again gives their parents their place back too.
        user_ids |= set(
            Guardianship.objects.filter(child_id=user_id).values_list("parent_id", flat=True)
        )
    if ScheduledDeletion.objects.filter(user_id__in=user_ids).exists():
        transaction.on_commit(lambda: _reopen(user_ids))


def register():
    for model, handler in (
        (Membership, membership_deleted),
        (Guardianship, guardianship_deleted),
        (SchoolStaff, school_staff_deleted),
        (MunicipalityAgent, agent_deleted),
    ):
        post_delete.connect(handler, sender=model, dispatch_uid=f"retention_{model.__name__}_ended")
        post_save.connect(
            place_created, sender=model, dispatch_uid=f"retention_{model.__name__}_begun"
        )
