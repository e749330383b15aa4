"""Start the background worker's every-minute run of scheduled publishing (README
"Scheduled publishing"): run once after deploying, like `send_daily_digests --schedule`.
Without a worker (TASKS_BACKEND=immediate), cron runs Wagtail's `publish_scheduled`."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from pages.tasks import schedule_next_run


class Command(BaseCommand):
    help = (
        "Enqueue the publication of scheduled pages; it then re-enqueues itself every "
        "minute (needs a tasks backend that defers, with db_worker)."
    )

    def handle(self, *args, **options):
        result = schedule_next_run()
        if result is None:
            self.stderr.write(
                _(
                    "This tasks backend cannot defer a task: run `manage.py "
                    "publish_scheduled` from cron every minute."
                )
            )
            return
        self.stdout.write(
            _("Scheduled pages are published from %(when)s on.") % {"when": result.task.run_after}
        )
