"""Fill an empty portal with fictional schools, towns, classes and families.

A demo, a manual test or a screenshot needs every role of USERS.md to exist at once:
directors, teachers, an ATSEM, pupils, parents (one with children in two schools, one who
is also a teacher), municipal staff and a portal administrator, with blog entries and
comments waiting for moderation. The loading code is `home.demo` (its
story in `home/demo/data.py`, its pictures drawn by `home/demo/images.py`), on the
builders it shares with the scale seeder (`home.builders`).

The command is idempotent (it looks everything up before creating it, so a second run
creates nothing) and refuses to run in production, where a shared, published password
would be a hole.
"""

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.demo.loader import DemoLoader

# Every demo account shares it and the README documents it: it must never reach production.
DEMO_PASSWORD = "preau2026"


class Command(BaseCommand):
    @property
    def help(self):
        """A property, not a lazy string: argparse formats the description as a plain str."""
        return _(
            "Load fictional schools, municipalities, classes, families, blog entries and "
            "comments for a demo. Every account's password is {password}."
        ).format(password=DEMO_PASSWORD)

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help=gettext_lazy("Load even when PREAU_ENVIRONMENT is production."),
        )
        parser.add_argument(
            "--serving-at",
            metavar="URL",
            help=gettext_lazy(
                "End the output with the address the portal is about to be served at "
                "(make run), in the same language as the rest."
            ),
        )

    def handle(self, *args, force=False, verbosity=1, serving_at=None, **options):
        if getattr(settings, "PREAU_ENVIRONMENT", "production") == "production" and not force:
            raise CommandError(
                _(
                    "Refusing to load demo data: PREAU_ENVIRONMENT is “production” and every "
                    "demo account shares a published password. Use --force only on a "
                    "throw-away deployment."
                )
            )
        with transaction.atomic():
            loader = DemoLoader(make_password(DEMO_PASSWORD))
            loader.load()
        if verbosity < 1:
            return
        created = loader.created
        if any(created.values()):
            self.stdout.write(
                self.style.SUCCESS(
                    _(
                        "Demo data loaded: %(accounts)d accounts, %(pages)d pages, "
                        "%(links)d memberships and family links, %(comments)d comments, "
                        "%(conversations)d conversations."
                    )
                    % created
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS(_("Demo data already present: nothing new.")))
        self.write_conversations(loader.demo_conversations())
        self.write_card_logins(*loader.card_login_paths())
        self.write_logins(loader.logins())
        if serving_at:
            self.write_serving_at(serving_at)

    def write_serving_at(self, url):
        """The last line `make run` prints before the server starts: in the portal's
        default language like the table above it, not in the Makefile's English."""
        self.stdout.write("")
        self.stdout.write(_("Préau runs on %(url)s (Ctrl+C to stop).") % {"url": url})

    def write_conversations(self, conversations):
        """The demo's conversations and who to log in as to read them (before the logins,
        which end the output)."""
        self.stdout.write("")
        self.stdout.write(_("Conversations to read in messaging, with the people in them:"))
        for subject, usernames in conversations:
            self.stdout.write(f"  “{subject}”: {', '.join(usernames)}")

    def write_card_logins(self, card_path, tablet_path):
        """Where to try logging in without typing (cardlogin/), on the local server."""
        self.stdout.write("")
        self.stdout.write(_("Logging in without typing (petite section of the Lilas school):"))
        self.stdout.write(
            "  " + _("Jade’s login card (its QR code): %(path)s") % {"path": card_path}
        )
        self.stdout.write(
            "  "
            + _("The class tablet (Jade’s pictures: apple, dog, star, moon): %(path)s")
            % {"path": tablet_path}
        )

    def write_logins(self, logins):
        """Print the logins as aligned columns, readable in any terminal."""
        header = (_("Role"), _("Username"), _("Password"), _("What they see"))
        rows = [(login.role, login.username, DEMO_PASSWORD, login.sees) for login in logins]
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]

        def line(cells):
            padded = [cell.ljust(width) for cell, width in zip(cells[:3], widths, strict=True)]
            return "  ".join([*padded, cells[3]])

        self.stdout.write("")
        self.stdout.write(
            _("Demo accounts (every one has the password %(password)s):")
            % {"password": DEMO_PASSWORD}
        )
        self.stdout.write(line(header))
        self.stdout.write(line(["-" * width for width in widths] + ["-" * len(header[3])]))
        for row in rows:
            self.stdout.write(line(row))
