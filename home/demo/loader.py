"""The demo loader: creates what is missing of the demo portal, remembering what it found
or made. Each part of the story has its module (`public_sites`, `class_spaces`,
`writing`, `homework`, `drills`, `messaging`, `liaison`, `shared_spaces` with `forum`,
`newspaper` and `stories`, `translations`, `logins`); the text of the story is `data`."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Site as WagtailSite

from classrooms.models import BlogEntryPage, Guardianship
from home.builders.class_members import family_links
from home.builders.clock import moment
from home.builders.publishing import publish_as
from home.models import PortalPage
from notifications.services import without

from . import data as content
from .card_login import DemoCardLogin
from .class_spaces import ClassSpaces
from .consents import DemoConsents
from .drills import DemoDrills
from .forum import DemoForum
from .h5p import DemoH5P
from .homework import DemoHomework
from .liaison import DemoLiaison
from .library import DemoLibrary
from .logins import ADMIN_USERNAME, LoginTable, assign_usernames
from .messaging import DemoMessaging
from .newspaper import DemoNewspaper
from .notifications import STORY_KINDS, DemoNotifications
from .nursery import DemoNursery
from .pair_dictation import DemoPairDictation
from .public_sites import PublicSites
from .retention import DemoRetention
from .saml_login import DemoSamlLogin
from .scheduled_news import DemoScheduledNews
from .shared_spaces import DemoSharedSpaces
from .specs import Person
from .stories import DemoStories
from .translations import DemoTranslations
from .workplans import DemoWorkPlans
from .writing import WritingWorkshop
from .year_rollover import DemoYearRollover


class DemoLoader(
    PublicSites,
    ClassSpaces,
    DemoConsents,
    WritingWorkshop,
    DemoHomework,
    DemoWorkPlans,
    DemoDrills,
    DemoMessaging,
    DemoLiaison,
    DemoSharedSpaces,
    DemoForum,
    DemoNewspaper,
    DemoStories,
    DemoLibrary,
    DemoPairDictation,
    DemoNotifications,
    DemoH5P,
    DemoNursery,
    DemoCardLogin,
    DemoYearRollover,
    DemoScheduledNews,
    DemoSamlLogin,
    DemoRetention,
    DemoTranslations,
    LoginTable,
):
    """Creates what is missing of the demo content, remembering what it found or made."""

    def __init__(self, password_hash):
        # Hashing once keeps the command fast: a strong hasher takes ~0.3 s per call.
        self.password_hash = password_hash
        self.created = {
            "accounts": 0,
            "pages": 0,
            "links": 0,
            "comments": 0,
            "conversations": 0,
        }
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        self.site = None  # django.contrib.sites' Site, which comments belong to
        self.adviser = None  # the pedagogical adviser who runs the reading club
        self.admin = None  # the portal administrator, who owns the portal's own pages
        self.entry_type = None  # the content type comments point at
        self.usernames = {}  # Person → username
        self.users = {}  # Person → User
        self.classrooms = {}  # class key → ClassroomPage
        self.schools = {}  # class key → SchoolSpec
        self.pupils = {}  # (class key, first name) → Person
        self.guardians = {}  # pupil Person → [parent Person, ...]
        self.children = {}  # parent Person → [(pupil Person, class key), ...]

    # --- Orchestration ---------------------------------------------------------------

    def load(self):
        self.site = Site.objects.get(pk=settings.SITE_ID)
        self.entry_type = ContentType.objects.get_for_model(BlogEntryPage)
        portal = self.portal()
        self.collect_families()
        self.create_accounts()
        self.load_consents()
        for municipality in content.MUNICIPALITIES:
            self.load_municipality(portal, municipality)
        # The story happened days ago: its first publications tell nobody now
        # (notifications.py writes the demo's bell itself).
        with without(*STORY_KINDS):
            for school in content.SCHOOLS:
                self.load_school(portal, school)
        for pupil, parents in self.guardians.items():
            adults = [self.users[parent] for parent in parents]
            for row in family_links(adults, [self.users[pupil]]):
                self.link(Guardianship, parent=row.parent, child=row.child)
        self.partner_classes()
        self.load_pair_dictation()
        self.parent_link_request()
        self.load_messaging()
        self.load_liaison()
        self.load_shared_spaces()
        self.load_workplans()
        self.load_drills()
        self.load_library()
        self.load_h5p()
        self.load_nursery()
        self.load_card_login()
        self.load_year_rollover()
        self.load_scheduled_news()
        self.load_saml_login()
        self.load_retention()
        self.load_notifications()
        self.news_section(portal, content.PORTAL_NEWS, self.admin)
        self.statement(portal, self.admin)
        self.load_translations(portal)

    def portal(self):
        """The default site's portal page, given a French introduction if it has none.

        An introduction someone already wrote is kept: the demo only fills what is empty.
        """
        site = WagtailSite.objects.filter(is_default_site=True).select_related("root_page").first()
        root = site.root_page.specific if site else None
        if not isinstance(root, PortalPage):
            raise CommandError(
                _("The default site has no portal page: run “manage.py migrate” first.")
            )
        if not site.site_name:
            # The admin's dashboard says "21 pages in <site name>", else in "localhost".
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save(update_fields=["site_name"])
        if not root.intro.strip():
            root.intro = content.PORTAL_INTRO
            root.save_revision().publish()
        return root

    def collect_families(self):
        """Turn the families of the content into pupils, parents and who is whose."""
        for family in content.FAMILIES:
            for first_name, class_key in family.children:
                pupil = Person(first_name, family.last_name, adult=False)
                self.pupils[class_key, first_name] = pupil
                self.guardians[pupil] = list(family.parents)
                for parent in family.parents:
                    self.children.setdefault(parent, []).append((pupil, class_key))
        for school in content.SCHOOLS:
            for classroom in school.classes:
                self.schools[classroom.key] = school

    def people(self):
        """Everyone with an account, in the order that decides their usernames."""
        for municipality in content.MUNICIPALITIES:
            yield municipality.agent
        for school in content.SCHOOLS:
            yield school.director
            for classroom in school.classes:
                yield classroom.teacher
                if classroom.assistant:
                    yield classroom.assistant
        for pupil, parents in self.guardians.items():
            yield from parents
            yield pupil

    def create_accounts(self):
        self.usernames = assign_usernames(self.people(), taken={ADMIN_USERNAME})
        self.admin = self.account(
            ADMIN_USERNAME,
            is_superuser=True,
            is_staff=True,
            email=f"{ADMIN_USERNAME}@example.org",
        )
        for person, username in self.usernames.items():
            self.users[person] = self.account(
                username,
                first_name=person.first_name,
                last_name=person.last_name,
                # Pupils have no e-mail address (accounts/models.py).
                email=f"{username}@example.org" if person.adult else "",
            )

    def account(self, username, **fields):
        """The account with this username; an existing one is left as it is."""
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"password": self.password_hash, **fields}
        )
        self.created["accounts"] += created
        return user

    def link(self, model, defaults=None, **lookup):
        """A membership, staff or family row, created only if missing."""
        row, created = model.objects.get_or_create(defaults=defaults, **lookup)
        self.created["links"] += created
        return row

    # --- Pages ---------------------------------------------------------------------

    def page(self, parent, page, owner, *, live=True, published_at=None):
        """Add `page` below `parent` unless a sibling already has its slug.

        Goes through revisions like an editor would, so the admin shows a history; a
        draft is saved as a revision only, and never goes live.
        """
        page.slug = page.slug or slugify(page.title)
        existing = parent.get_children().filter(slug=page.slug).specific().first()
        if existing is not None:
            return existing
        if live:
            # Demo staff hold no Wagtail page permissions yet; the loader publishes for them.
            publish_as(parent, page, owner)
            if published_at is not None:
                type(page).objects.filter(pk=page.pk).update(
                    first_published_at=published_at, last_published_at=published_at
                )
        else:
            page.owner = owner
            page.live = False
            parent.add_child(instance=page)
            page.save_revision(user=owner)
        self.created["pages"] += 1
        return page

    def moment(self, days_ago, hour, minute=0):
        """A local time `days_ago` days before today, never in the future."""
        return moment(self.today, self.now, days_ago, hour, minute)
