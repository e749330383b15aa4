"""The daily purge as a background task (README "Retention of personal data").

With a tasks backend that defers (`TASKS_BACKEND=database` and `manage.py db_worker`),
`purge_daily` runs at `PREAU_PURGE_HOUR` and enqueues its next run; start it once with
`manage.py purge_personal_data --schedule`. Otherwise cron runs
`manage.py purge_personal_data` every night.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .notices import warn_directors
from .purge import purge

logger = logging.getLogger(__name__)


def run(now=None) -> dict:
    """One day's work: directors told of what comes, then what is due purged."""
    now = now or timezone.now()
    warned = warn_directors(now)
    counts = purge(now=now)
    counts["notices"] = warned
    logger.info("Purge of personal data: %s", counts)
    return counts


@task()
def purge_daily() -> dict:
    try:
        return run()
    finally:
        # A failed night must not end the nightly chain.
        schedule_next_purge()


def next_purge_time(moment):
    """The next PREAU_PURGE_HOUR o'clock, local time, strictly after `moment`."""
    local = timezone.localtime(moment)
    at = local.replace(hour=settings.PREAU_PURGE_HOUR, minute=0, second=0, microsecond=0)
    if at <= local:
        at = timezone.localtime(at + timedelta(days=1)).replace(
            hour=settings.PREAU_PURGE_HOUR, minute=0, second=0, microsecond=0
        )
    return at


def schedule_next_purge():
    """Enqueue the next run, or return None when the backend cannot defer."""
    if not purge_daily.get_backend().supports_defer:
        return None
    return purge_daily.using(run_after=next_purge_time(timezone.now())).enqueue()
