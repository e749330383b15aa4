"""Send the daily summary of unread messages to the adults who chose it (run from cron
once a day, e.g. at 18:00; see README "How messaging works" and "Production")."""

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from messaging.notices import send_digests


class Command(BaseCommand):
    help = "E-mail each adult who chose a daily summary the messages they have not read."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(
            ngettext("%(count)d summary sent.", "%(count)d summaries sent.", sent) % {"count": sent}
        )
