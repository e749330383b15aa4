"""The background task that publishes scheduled pages every minute (scheduled.py)."""

import logging

from django.utils import timezone
from django_tasks import task

from . import scheduled

logger = logging.getLogger(__name__)


@task()
def publish_scheduled_pages() -> str:
    """Publish and unpublish what is due, then, when the backend defers tasks
    (django_tasks_db and `manage.py db_worker`), come back in a minute. With a backend
    that cannot defer, cron runs `manage.py publish_scheduled` every minute instead."""
    try:
        return scheduled.publish_due()
    finally:
        # Whatever happened in this run, the next one comes: the chain never dies.
        schedule_next_run()


def schedule_next_run():
    """Enqueue the next run, or return None when the backend cannot defer."""
    if not publish_scheduled_pages.get_backend().supports_defer:
        return None
    run_after = timezone.now() + scheduled.INTERVAL
    return publish_scheduled_pages.using(run_after=run_after).enqueue()
