"""Open a school on the portal in one command: its site, its director, its workflow.

What a portal administrator does for every new school, in one go and always the same
way: the school's page under the portal (published), its news section, its
accessibility statement (when the page type exists), its own Wagtail Site when it has a
host name, the director's account (or the existing account with that e-mail address),
the director's staff row, from which the signals derive the director's rights, the
school's media collection and its publication workflow (pages/workflows.py).

The command is idempotent on the school's name and town: run again, it reports the
school that exists and changes nothing. A new director's password is printed once and
never stored in clear.
"""

import re

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Site

from enrolment import services
from home.models import PortalPage
from pages import workflows
from pages.models import NewsIndexPage, SchoolLevel, SchoolPage, SchoolStaff

# Host names as DNS allows them: dot-separated labels of letters, digits and inner hyphens.
HOSTNAME = re.compile(
    r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$"
)
# The portal sits behind a proxy that terminates TLS: a school's own address is https.
DEFAULT_PORT = 443


def portal_address(school):
    """The school's address under the portal's default site: https://portal/<slug>/."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or not school.url_path.startswith(site.root_page.url_path):
        return None
    return f"{site.root_url}/{school.url_path[len(site.root_page.url_path) :]}"


def unique_child_slug(parent, title):
    base = slugify(title) or "ecole"
    taken = set(
        Page.objects.child_of(parent).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def publish_child(parent, page):
    """Add `page` below `parent` and publish it, as an editor would (with a revision)."""
    page.slug = page.slug or unique_child_slug(parent, page.title)
    page.live = True
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


class Command(BaseCommand):
    @property
    def help(self):
        """A property, not a lazy string: argparse formats the description as a plain str."""
        return _(
            "Create a school on the portal: its public site with a news section, its own "
            "address if given, its director's account, rights and publication workflow."
        )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help=gettext_lazy("The school's name."))
        parser.add_argument("--town", required=True, help=gettext_lazy("Its town."))
        parser.add_argument("--postcode", default="", help=gettext_lazy("Its postcode."))
        parser.add_argument(
            "--level",
            default=SchoolLevel.ELEMENTARY,
            help=gettext_lazy("nursery, elementary or primary (default: elementary)."),
        )
        parser.add_argument(
            "--hostname",
            default="",
            help=gettext_lazy("A host name of its own, e.g. ecole-jaures.example.org."),
        )
        parser.add_argument(
            "--port",
            type=int,
            default=DEFAULT_PORT,
            help=gettext_lazy("The port of that address, as visitors see it (default: 443)."),
        )
        parser.add_argument(
            "--director-first-name", required=True, help=gettext_lazy("The director's first name.")
        )
        parser.add_argument(
            "--director-last-name", required=True, help=gettext_lazy("The director's last name.")
        )
        parser.add_argument(
            "--director-email",
            required=True,
            help=gettext_lazy("An account with this address is reused if it exists."),
        )
        parser.add_argument(
            "--portal",
            type=int,
            help=gettext_lazy("Id of the portal page (default: the default site's portal)."),
        )

    def handle(self, *args, **options):
        name, town = options["name"].strip(), options["town"].strip()
        level = options["level"].strip().lower()
        hostname = options["hostname"].strip().lower().rstrip(".")
        if not name or not town:
            raise CommandError(_("A school needs a name and a town."))
        if level not in SchoolLevel.values:
            raise CommandError(
                _("Unknown level “%(level)s”: use one of %(levels)s.")
                % {"level": options["level"], "levels": ", ".join(SchoolLevel.values)}
            )
        if hostname and not HOSTNAME.match(hostname):
            raise CommandError(
                _("“%(hostname)s” is not a host name, e.g. ecole-jaures.example.org.")
                % {"hostname": options["hostname"]}
            )

        try:
            validate_email(options["director_email"].strip())
        except ValidationError as error:
            raise CommandError(
                _("“%(email)s” is not an e-mail address.") % {"email": options["director_email"]}
            ) from error

        existing = SchoolPage.objects.filter(title__iexact=name, town__iexact=town).first()
        if existing is not None:
            self.stdout.write(
                _("The school “%(school)s” (%(town)s) already exists: nothing changed.")
                % {"school": existing.title, "town": existing.town}
            )
            return

        portal = self.portal(options["portal"])
        if hostname and Site.objects.filter(hostname=hostname, port=options["port"]).exists():
            raise CommandError(
                _("The address %(hostname)s already serves another site.") % {"hostname": hostname}
            )

        with transaction.atomic():
            school, account = self.create(portal, name, town, level, hostname, options)

        self.report(school, account, hostname, options["port"])

    def portal(self, portal_id):
        if portal_id is not None:
            portal = PortalPage.objects.filter(pk=portal_id).first()
            if portal is None:
                raise CommandError(_("No portal page has the id %(id)s.") % {"id": portal_id})
            return portal
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        root = site.root_page.specific if site else None
        if not isinstance(root, PortalPage):
            raise CommandError(
                _("The default site has no portal page: run “manage.py migrate” first.")
            )
        return root

    def create(self, portal, name, town, level, hostname, options):
        # Page titles are content: written in the portal's language.
        with translation.override(settings.LANGUAGE_CODE):
            news_title = _("News")
            statement_title = _("Accessibility statement")
        school = publish_child(
            portal,
            SchoolPage(title=name, town=town, postcode=options["postcode"].strip(), level=level),
        )
        publish_child(school, NewsIndexPage(title=news_title, slug=slugify(news_title)))
        try:
            statement_model = apps.get_model("pages", "AccessibilityStatementPage")
        except LookupError:
            statement_model = None  # the page type comes with the accessibility issue
        if statement_model is not None:
            publish_child(school, statement_model(title=statement_title))
        if hostname:
            Site.objects.create(
                hostname=hostname, port=options["port"], root_page=school, site_name=name
            )
        email = options["director_email"].strip()
        existing_account = services.find_adult_by_email(email)
        account = (
            services.NewAccount(existing_account, None)
            if existing_account
            else services.create_account(
                first_name=options["director_first_name"].strip(),
                last_name=options["director_last_name"].strip(),
                email=email,
            )
        )
        SchoolStaff.objects.get_or_create(
            school=school, user=account.user, role=SchoolStaff.Role.DIRECTOR
        )
        # Also done by the school's creation signal; said here so the command reads whole.
        workflows.set_up_school(school)
        return school, account

    def report(self, school, account, hostname, port):
        self.stdout.write(
            self.style.SUCCESS(_("School “%(school)s” created.") % {"school": school.title})
        )
        if address := portal_address(school):
            self.stdout.write(_("On the portal: %(url)s") % {"url": address})
        if hostname:
            own = Site(hostname=hostname, port=port).root_url + "/"
            self.stdout.write(_("At its own address: %(url)s") % {"url": own})
        if account.password is None:
            self.stdout.write(
                _("Director: the existing account %(username)s (password unchanged).")
                % {"username": account.user.username}
            )
        else:
            self.stdout.write(
                _("Director: %(username)s, password %(password)s (shown once: hand it over now).")
                % {"username": account.user.username, "password": account.password}
            )
