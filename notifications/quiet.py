"""The right to disconnect: nothing reaches a pupil outside school hours.

With `PREAU_PUPIL_QUIET_HOURS` on (the default), a notification for a pupil created
outside `PREAU_SCHOOL_HOURS` on `PREAU_SCHOOL_DAYS` (local time, TIME_ZONE) is held: its
`visible_from` is the next start of school hours, and until then it is neither counted
in the badge nor listed. Adults are not affected. Pupils have no e-mail address, so the
bell is all they receive. School holidays are not known here: a notification sent on the
last Friday evening before a holiday shows on the Monday after it, in the holidays.

Notifications knows no class: who is a pupil is told from an AppConfig.ready()
(`pupils_among_with`, classrooms/notification_wiring.py).
"""

from collections.abc import Callable
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# user ids → the ids among them that are pupils (set from an AppConfig.ready()).
_pupils_among: Callable | None = None


def pupils_among_with(finder: Callable) -> None:
    global _pupils_among
    _pupils_among = finder


def pupils_among(user_ids) -> set[int]:
    if _pupils_among is None or not user_ids:
        return set()
    return set(_pupils_among(list(user_ids)))


def now() -> datetime:
    """The clock of the bell and of the digest (tests replace it)."""
    return timezone.now()


def _hours() -> tuple[time, time]:
    start, end = (part.strip() for part in settings.PREAU_SCHOOL_HOURS.split("-"))
    return time.fromisoformat(start), time.fromisoformat(end)


def _days() -> set[int]:
    return {DAY_NAMES.index(day.strip().lower()[:3]) for day in settings.PREAU_SCHOOL_DAYS}


def held_until(moment: datetime) -> datetime | None:
    """When a pupil may be told of what happened at `moment`: None during school hours,
    else the next start of school hours (aware)."""
    if not settings.PREAU_PUPIL_QUIET_HOURS:
        return None
    start, end = _hours()
    days = _days()
    if not days:
        return None
    local = timezone.localtime(moment)
    if local.weekday() in days and start <= local.time() < end:
        return None
    for ahead in range(8):
        day = local.date() + timedelta(days=ahead)
        if day.weekday() not in days:
            continue
        opening = timezone.make_aware(datetime.combine(day, start))
        if opening > moment:
            return opening
    return None
