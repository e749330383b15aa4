"""Delete or anonymise the personal data whose time is over (retention/table.py), from
cron or by hand; --dry-run counts without changing anything; --schedule starts the
background worker's daily run instead (README "Retention of personal data")."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from retention import table
from retention.purge import purge
from retention.tasks import run, schedule_next_purge


class Command(BaseCommand):
    help = "Delete or anonymise the personal data the retention table says is due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be deleted or anonymised, change nothing, tell no one.",
        )
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Do not purge now: enqueue the purge at the next PREAU_PURGE_HOUR; it then "
            "re-enqueues itself every day (needs a tasks backend that defers, with db_worker).",
        )

    def handle(self, *args, dry_run=False, schedule=False, **options):
        if schedule:
            result = schedule_next_purge()
            if result is None:
                self.stderr.write(
                    _("This tasks backend cannot defer a task: run this command from cron.")
                )
                return
            self.stdout.write(_("Next purge at %(when)s.") % {"when": result.task.run_after})
            return
        counts = purge(dry_run=True) if dry_run else run()
        if dry_run:
            self.stdout.write(_("Dry run: nothing was changed."))
        for item in table.RULES:
            verb = _("anonymised") if item.action == table.ANONYMISE else _("deleted")
            self.stdout.write(f"{item.key}: {counts[item.key]} {verb}")
        self.stdout.write(
            _("%(count)d accounts reopened (their holder found a place again).")
            % {"count": counts["accounts_reopened"]}
        )
        if not dry_run:
            notices = counts["notices"]
            self.stdout.write(_("%(count)d notices sent to directors.") % {"count": notices})
