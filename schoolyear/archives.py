"""Closing a class: it becomes its year's archive, read-only for everyone, readable by its
families until `families_until` (README "The school year's end").

The rights themselves are written in classrooms/permissions.py (`role_codenames`): this
module sets the dates and has the rights taken back, at closing and every night
(`close_expired_archives`) for archives whose families' time is over.
"""

import calendar
from datetime import date

from django.conf import settings
from django.utils import timezone

from classrooms.models import ClassroomPage
from classrooms.permissions import restrict_archive


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def families_until(closed_on: date) -> date:
    """The last day families read an archive closed that day (PREAU_ARCHIVE_FAMILY_MONTHS)."""
    return add_months(closed_on, settings.PREAU_ARCHIVE_FAMILY_MONTHS)


def close_classroom(classroom, today=None) -> None:
    """Make the class its year's archive: nothing is deleted, only rights are taken back."""
    today = today or timezone.localdate()
    classroom.closed_on = today
    classroom.families_until = families_until(today)
    ClassroomPage.objects.filter(pk=classroom.pk).update(
        closed_on=classroom.closed_on, families_until=classroom.families_until
    )
    _keep_in_revisions(classroom)
    restrict_archive(classroom, today)


def _keep_in_revisions(classroom) -> None:
    """The Wagtail admin edits a page from its latest revision: written there too, the
    dates survive an edit of the class page, which would otherwise reopen it."""
    from wagtail.models import Revision

    page = ClassroomPage.objects.filter(pk=classroom.pk).values(
        "latest_revision_id", "live_revision_id"
    )[0]
    ids = {page["latest_revision_id"], page["live_revision_id"]} - {None}
    for revision in Revision.objects.filter(pk__in=ids):
        revision.content["closed_on"] = classroom.closed_on.isoformat()
        revision.content["families_until"] = classroom.families_until.isoformat()
        revision.save(update_fields=["content"])


def expire_family_reading(today=None) -> int:
    """Take reading back from the families of archives whose time is over; returns how
    many archives were looked at. Running it again changes nothing."""
    today = today or timezone.localdate()
    expired = ClassroomPage.objects.filter(closed_on__isnull=False, families_until__lt=today)
    count = 0
    for classroom in expired:
        restrict_archive(classroom, today)
        count += 1
    return count
