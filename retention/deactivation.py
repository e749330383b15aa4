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

from classrooms.models import ClassroomPage, Guardianship, Membership
from pages.models import SchoolPage

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


def schools_of_classrooms(classroom_ids) -> dict[int, int]:
    """Class id → the id of the school it belongs to (its parent page)."""
    paths = dict(ClassroomPage.objects.filter(pk__in=classroom_ids).values_list("pk", "path"))
    parent_paths = {pk: path[: -ClassroomPage.steplen] for pk, path in paths.items()}
    schools = dict(
        SchoolPage.objects.filter(path__in=set(parent_paths.values())).values_list("path", "pk")
    )
    return {pk: schools[path] for pk, path in parent_paths.items() if path in schools}


def _schools(user_ids, known) -> dict[int, int]:
    """Person id → the school of their latest class (closed ones too), unless `known`."""
    found = dict(known or {})
    missing = [pk for pk in user_ids if pk not in found]
    latest = {}
    for user_id, classroom_id in (
        Membership.objects.filter(user_id__in=missing)
        .order_by("classroom__school_year", "pk")
        .values_list("user_id", "classroom_id")
    ):
        latest[user_id] = classroom_id
    by_class = schools_of_classrooms(set(latest.values()))
    for user_id, classroom_id in latest.items():
        if classroom_id in by_class:
            found[user_id] = by_class[classroom_id]
    return found


@transaction.atomic
def deactivate_without_place(user_ids, *, now=None, schools=None):
    """Close the accounts among `user_ids` that hold no place, then those of their
    parents who are left without a child on the portal. Returns the closed accounts.

    `schools` (person id → school id) names the school of a place that just ended, when
    the row that said it is gone; otherwise a person's school is that of their latest
    class, a parent's that of their child: its directors are told before the deletion."""
    now = now or timezone.now()
    users = get_user_model().objects.filter(pk__in=list(user_ids), is_active=True)
    closed = list(without_place(users))
    closed_ids = {user.pk for user in closed}
    parent_ids = Guardianship.objects.filter(child_id__in=closed_ids).values_list(
        "parent_id", flat=True
    )
    parents = get_user_model().objects.filter(pk__in=list(parent_ids), is_active=True)
    closed += [parent for parent in without_place(parents) if parent.pk not in closed_ids]
    school_ids = _schools(closed_ids, schools)
    for parent_id, child_id in Guardianship.objects.filter(child_id__in=closed_ids).values_list(
        "parent_id", "child_id"
    ):
        if child_id in school_ids:
            school_ids.setdefault(parent_id, school_ids[child_id])
    school_ids = _schools([user.pk for user in closed], school_ids)
    for user in closed:
        user.is_active = False
        user.save(update_fields=["is_active"])
        ScheduledDeletion.objects.update_or_create(
            user=user,
            defaults={
                "reason": _reason(user, closed_ids),
                "deactivated_at": now,
                "delete_on": deletion_day(now),
                "school_id": school_ids.get(user.pk),
                "notice_sent_at": None,
            },
        )
    return closed


@transaction.atomic
def reactivate(user):
    """A person who found a place again (re-enrolled, new staff row): account reopened."""
    ScheduledDeletion.objects.filter(user=user).delete()
    get_user_model().objects.filter(pk=user.pk).update(is_active=True)
    user.is_active = True
