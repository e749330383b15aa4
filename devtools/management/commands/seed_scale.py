"""`manage.py seed_scale --schools N`: a synthetic portal of N schools, for load tests.

Each school i (from 0) is drawn from (--seed, i) alone (devtools/scale/plan.py) and
written in one transaction (devtools/scale/seed.py), so the command is incremental
and repeatable: `--schools 64` after `--schools 8` adds schools 8 to 63 and leaves 0 to
7 as they are; running it again adds nothing. The default sizes give the full portal
at N=650: about 3,000 classes, 61,000 pupils, 100,000 parents and 3,500 staff, with 20
blog entries, 60 comments and 2 exercises per class.

Synthetic schools have the slug "ecole-scale-0007" (school 7), and their people these
usernames (classes, pupils and parents numbered from 1):
    s0007.d            the director
    s0007.c2.t         the teacher of class 2 (the director teaches the last class of a
                       school of up to 6 classes: that class has no .t account)
    s0007.a1           an ATSEM (classroom assistant of the nursery classes)
    s0007.c2.p13       pupil 13 of class 2
    s0007.c2.p13.g1    a parent of that pupil (.g2 the other one); a younger sibling in
                       another class shares the parents named after the eldest
devtools/scale/targets.py finds, in school 0, what the benchmark requests.

Every account shares one password, hashed once (one `make_password` call) and reused:
the command never hashes per account, which is what makes it fast. Like
load_demo_data, it refuses to run in production, where such a password is a hole.
"""

import time

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from devtools.scale import bulk_messages, plan_messages, seed
from devtools.scale import plan as planning
from devtools.scale.progress import ProgressBar, duration
from enrolment.services import current_school_year
from home.models import PortalPage

DEFAULT_SCHOOLS = 64
DEFAULT_SEED = 2026
DEFAULT_PASSWORD = planning.DEFAULT_PASSWORD


def positive(value):
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    @property
    def help(self):
        """A property, not a lazy string: argparse formats the description as a plain str."""
        return _(
            "Generate a synthetic portal of N schools for load tests (full size: 650 "
            "schools, about 3,000 classes, 61,000 pupils, 100,000 parents). School i is "
            "drawn from the seed and i alone: a larger N adds the missing schools, a second "
            "run adds nothing. Slugs: ecole-scale-0007. Usernames: s0007.d (director), "
            "s0007.c2.t (teacher of class 2), s0007.a1 (ATSEM), s0007.c2.p13 (pupil 13 of "
            "class 2), s0007.c2.p13.g1 and .g2 (that pupil's parents). Fast password hasher "
            "for generated accounts: one shared password, hashed once and reused, {password} "
            "by default. Refused in production."
        ).format(password=DEFAULT_PASSWORD)

    def add_arguments(self, parser):
        parser.add_argument(
            "--schools",
            type=positive,
            default=DEFAULT_SCHOOLS,
            help=gettext_lazy("How many synthetic schools the portal should hold (default 64)."),
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=gettext_lazy("Seed of the random draws: the same seed gives the same schools."),
        )
        parser.add_argument(
            "--classes-per-school",
            type=positive,
            default=None,
            help=gettext_lazy("Classes in every school (default: 3 to 7, 4.6 on average)."),
        )
        parser.add_argument(
            "--pupils-per-class",
            type=positive,
            default=None,
            help=gettext_lazy("Pupils in every class (default: 16 to 25)."),
        )
        parser.add_argument(
            "--entries-per-class",
            type=positive,
            default=planning.Sizes.entries_per_class,
            help=gettext_lazy("Blog entries per class (default 20)."),
        )
        parser.add_argument(
            "--comments-per-class",
            type=positive,
            default=planning.Sizes.comments_per_class,
            help=gettext_lazy("Comments per class, on its published entries (default 60)."),
        )
        parser.add_argument(
            "--exercises-per-class",
            type=positive,
            default=planning.Sizes.exercises_per_class,
            help=gettext_lazy("Exercises per class, done by most pupils (default 2)."),
        )
        parser.add_argument(
            "--news-per-school",
            type=positive,
            default=planning.Sizes.news_per_school,
            help=gettext_lazy("News items in each school's news section (default 3)."),
        )
        parser.add_argument(
            "--conversations-per-teacher",
            type=positive,
            default=0,
            help=gettext_lazy(
                "Messaging conversations of each class's teacher with its families and "
                "pupils (default 0: none; the benchmark asks for 4)."
            ),
        )
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help=gettext_lazy("The password every generated account shares."),
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=gettext_lazy("Run even when PREAU_ENVIRONMENT is production."),
        )

    def handle(self, *args, **options):
        if (
            getattr(settings, "PREAU_ENVIRONMENT", "production") == "production"
            and not options["force"]
        ):
            raise CommandError(
                _(
                    "Refusing to generate the synthetic portal: PREAU_ENVIRONMENT is "
                    "“production” and every generated account shares a published password. "
                    "Use --force only on a throw-away deployment."
                )
            )
        verbosity = options["verbosity"]
        portal = (
            PortalPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
            or PortalPage.objects.first()
        )
        if portal is None:
            raise CommandError(_("The portal page is missing: run “manage.py migrate” first."))
        sizes = planning.Sizes(
            classes_per_school=options["classes_per_school"],
            pupils_per_class=options["pupils_per_class"],
            entries_per_class=options["entries_per_class"],
            comments_per_class=options["comments_per_class"],
            exercises_per_class=options["exercises_per_class"],
            news_per_school=options["news_per_school"],
        )
        present = seed.existing_indexes(portal)
        missing = [index for index in range(options["schools"]) if index not in present]
        if verbosity:
            self.stdout.write(
                _(
                    "Synthetic portal: %(wanted)d schools wanted, %(present)d present, "
                    "%(missing)d to write."
                )
                % {
                    "wanted": options["schools"],
                    "present": len(present & set(range(options["schools"]))),
                    "missing": len(missing),
                }
            )
        started = time.monotonic()
        totals = {}
        per_teacher = options["conversations_per_teacher"]
        school_year = current_school_year()
        if missing:
            # One hash for every account: hashing per account would take most of the run.
            context = seed.Context(
                portal=portal,
                password_hash=make_password(options["password"]),
                now=timezone.now(),
            )
            progress = ProgressBar(
                len(missing), label=_("Schools"), stream=self.stderr, enabled=verbosity > 0
            )
            # Content (titles, comments) is written in the portal's language.
            with translation.override(settings.LANGUAGE_CODE):
                for index in missing:
                    school = planning.plan_school(options["seed"], index, sizes, school_year)
                    for key, count in seed.write_school(school, context).items():
                        totals[key] = totals.get(key, 0) + count
                    if per_teacher:
                        self.add(totals, self.conversations(options, school, context.now))
                    progress.advance()
            progress.finish()
        if per_teacher:
            self.conversations_of_present(options, sizes, school_year, present, totals)
        if missing or totals.get("conversations"):
            seed.after_writing()
        if verbosity:
            self.report(totals, time.monotonic() - started, options["password"])

    @staticmethod
    def add(totals, counts):
        for key, count in counts.items():
            totals[key] = totals.get(key, 0) + count

    @staticmethod
    def conversations(options, school, now):
        planned = plan_messages.plan_conversations(
            options["seed"], school, options["conversations_per_teacher"]
        )
        return bulk_messages.write_conversations(planned, now=now)

    def conversations_of_present(self, options, sizes, school_year, present, totals):
        """Conversations for the schools written by an earlier run without them."""
        written = bulk_messages.schools_with_conversations()
        wanted = sorted(index for index in present if index < options["schools"])
        lacking = [i for i in wanted if planning.school_prefix(i) not in written]
        if not lacking:
            return
        now = timezone.now()
        progress = ProgressBar(
            len(lacking),
            label=_("Conversations"),
            stream=self.stderr,
            enabled=options["verbosity"] > 0,
        )
        with translation.override(settings.LANGUAGE_CODE):
            for index in lacking:
                school = planning.plan_school(options["seed"], index, sizes, school_year)
                self.add(totals, self.conversations(options, school, now))
                progress.advance()
        progress.finish()

    def report(self, totals, elapsed, password):
        conversations = totals.get("conversations", 0)
        if not totals.get("schools"):
            self.stdout.write(self.style.SUCCESS(_("Nothing to add: every school is there.")))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _(
                        "Added %(schools)d schools in %(time)s: %(classes)d classes, "
                        "%(pupils)d pupils, %(parents)d parents, %(staff)d staff, "
                        "%(entries)d blog entries, %(comments)d comments, "
                        "%(exercises)d exercises, %(attempts)d attempts."
                    )
                    % {**totals, "time": duration(elapsed)}
                )
            )
        if conversations:
            self.stdout.write(
                _("Added %(conversations)d conversations with %(messages)d messages.")
                % {"conversations": conversations, "messages": totals["messages"]}
            )
        self.stdout.write(
            _("Every generated account's password is %(password)s (e.g. s0000.c1.p1.g1).")
            % {"password": password}
        )
