"""Run every night (cron or the worker's schedule): families stop reading the archives
whose `families_until` has passed (README "The school year's end")."""

from django.core.management.base import BaseCommand

from schoolyear.archives import expire_family_reading


class Command(BaseCommand):
    help = "Take reading back from the families of class archives whose time is over."

    def handle(self, *args, **options):
        count = expire_family_reading()
        self.stdout.write(f"{count} archive(s) checked.")
