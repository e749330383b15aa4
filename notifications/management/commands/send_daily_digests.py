"""Send the daily digests now (from cron, or with the immediate tasks backend), or, with
--schedule, start the background worker's daily run (README "Notifications")."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from notifications.digest import send_digests
from notifications.tasks import schedule_next_digest


class Command(BaseCommand):
    help = "E-mail each adult who chose the daily digest what happened for them since the last."

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Do not send now: enqueue the digest at the next PREAU_DIGEST_HOUR; it then "
            "re-enqueues itself every day (needs a tasks backend that defers, with db_worker).",
        )

    def handle(self, *args, schedule=False, **options):
        if schedule:
            result = schedule_next_digest()
            if result is None:
                self.stderr.write(
                    _("This tasks backend cannot defer a task: run this command from cron.")
                )
                return
            self.stdout.write(_("Next digest at %(when)s.") % {"when": result.task.run_after})
            return
        sent = send_digests()
        self.stdout.write(
            ngettext("%(count)d digest sent.", "%(count)d digests sent.", sent) % {"count": sent}
        )
