"""Brute force: a login is refused for a while after failures, per account, with backoff.

Failures are counted per username, wherever they come from. A school's pupils and
teachers reach Préau through one address, so a lock on an address (or on a username
from an address) would let one child keep a whole class out, and a change of address
would dodge it; a lock on the account does neither.

Locking an account is itself a way to annoy its owner, so the first lock is short
(`PREAU_LOCKOUT_MINUTES`, one minute by default) and only someone who goes on failing
waits longer: after `AXES_FAILURE_LIMIT` failures each further failure doubles the wait,
up to `PREAU_LOCKOUT_MAX_MINUTES`. Attempts made while locked are refused without being
counted (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT off), so a child pressing the
button again is not punished for it. A successful login forgets the failures; otherwise
they are forgotten `PREAU_LOGIN_FAILURES_KEPT_HOURS` after the last one.

django-axes does the counting and the refusing; this module gives it the wait
(`AXES_COOLOFF_TIME` may be a callable of the request) and a handler whose clean-up of
old failures keeps them for as long as backoff needs them (the database handler would
forget everything older than the wait of whoever is logging in at the moment).
"""

import math
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone

# 2**20 minutes is two years: past any ceiling an operator would choose.
LARGEST_DOUBLING = 20


def kept_for() -> timedelta:
    return timedelta(hours=settings.PREAU_LOGIN_FAILURES_KEPT_HOURS)


def failures_of(username):
    """The failures still remembered for this username, and when the last one happened."""
    found = AccessAttempt.objects.filter(
        username=username, attempt_time__gte=timezone.now() - kept_for()
    ).aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    return found["failures"] or 0, found["last"]


def wait_after(failures: int) -> timedelta:
    """How long a login is refused after the latest of so many failures."""
    first = timedelta(minutes=settings.PREAU_LOCKOUT_MINUTES)
    ceiling = timedelta(minutes=settings.PREAU_LOCKOUT_MAX_MINUTES)
    doublings = min(max(failures - settings.AXES_FAILURE_LIMIT, 0), LARGEST_DOUBLING)
    return min(first * 2**doublings, ceiling)


def cool_off(request=None) -> timedelta:
    """`AXES_COOLOFF_TIME`: the wait of the account this request tries to log in to."""
    username = get_client_username(request) if request is not None else None
    if not username:
        return wait_after(0)
    failures, _last = failures_of(username)
    return wait_after(failures)


def minutes_left(username) -> int:
    """Whole minutes until this username may try again (at least one while locked)."""
    failures, last = failures_of(username)
    if last is None:
        return 0
    left = last + wait_after(failures) - timezone.now()
    return max(1, math.ceil(left.total_seconds() / 60))


class BackoffHandler(AxesDatabaseHandler):
    """Axes's database handler, keeping failures as long as the backoff counts them."""

    def clean_expired_user_attempts(self, request=None, credentials=None) -> int:
        count, _ = AccessAttempt.objects.filter(
            attempt_time__lt=timezone.now() - kept_for()
        ).delete()
        return count
