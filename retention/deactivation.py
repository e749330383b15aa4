"""Closing the accounts of people who left, and the day they will be deleted.

`deactivate_without_place` is called by whatever ends a place (the year's rollover, a
pupil taken off a roster, a staff row removed): the account is closed at once
(`is_active=False`: no right, no login, accounts/people.py) and scheduled for deletion
after `PREAU_ACCOUNT_DELETION_DAYS`. Nothing is deleted on the day; the purge
(retention/purge) deletes what is due. A person who finds a place again before that day
is reopened and their schedule dropped.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from classrooms.models import Guardianship

from .models import ScheduledDeletion
from .places import without_place


def deletion_day(now):
    return timezone.localdate(now) + timedelta(days=settings.PREAU_ACCOUNT_DELETION_DAYS)


def _reason(user, children_ids):
    if user.pk in children_ids:
        return ScheduledDeletion.Reason.LEFT_SCHOOL
    if Guardianship.objects.filter(parent=user).exists():
        return ScheduledDeletion.Reason.NO_CHILD
    if user.memberships.filter(role="pupil").exists():
        return ScheduledDeletion.Reason.LEFT_SCHOOL
    return ScheduledDeletion.Reason.NO_ROLE


@transaction.atomic
def deactivate_without_place(user_ids, *, now=None):
    """Close the accounts among `user_ids` that hold no place, then those of their
    parents who are left without a child on the portal. Returns the closed accounts."""
    now = now or timezone.now()
    users = get_user_model().objects.filter(pk__in=list(user_ids), is_active=True)
    closed = list(without_place(users))
    closed_ids = {user.pk for user in closed}
    parent_ids = Guardianship.objects.filter(child_id__in=closed_ids).values_list(
        "parent_id", flat=True
    )
    parents = get_user_model().objects.filter(pk__in=list(parent_ids), is_active=True)
    closed += [parent for parent in without_place(parents) if parent.pk not in closed_ids]
    for user in closed:
        user.is_active = False
        user.save(update_fields=["is_active"])
        ScheduledDeletion.objects.update_or_create(
            user=user,
            defaults={
                "reason": _reason(user, closed_ids),
                "deactivated_at": now,
                "delete_on": deletion_day(now),
            },
        )
    return closed


@transaction.atomic
def reactivate(user):
    """A person who found a place again (re-enrolled, new staff row): account reopened."""
    ScheduledDeletion.objects.filter(user=user).delete()
    get_user_model().objects.filter(pk=user.pk).update(is_active=True)
    user.is_active = True
