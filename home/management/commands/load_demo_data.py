"""Fill an empty portal with fictional schools, towns, classes and families.

A demo, a manual test or a screenshot needs every role of USERS.md to exist at once:
directors, teachers, an ATSEM, pupils, parents (one with children in two schools, one who
is also a teacher), municipal staff and a portal administrator, with blog entries and
comments waiting for moderation. The story itself lives in `_demo_content.py`; the
pictures (school logos, an exhibition) are drawn by `_demo_images.py`.

The command is idempotent (it looks everything up before creating it, so a second run
creates nothing) and refuses to run in production, where a shared, published password
would be a hole.
"""

import io
import unicodedata
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from html import escape

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images import get_image_model
from wagtail.models import Site as WagtailSite
from wagtail.rich_text import RichText
from wagtailmedia.models import Media

from classrooms import moderation
from classrooms.models import (
    Appearance,
    BlogEntryPage,
    ClassroomPage,
    Guardianship,
    Membership,
)
from comments import services as comment_services
from comments.models import ClassComment, Partnership
from enrolment import services as enrolment_services
from enrolment.models import ParentLinkRequest
from exercises.models import ExercisePage
from home.models import PortalPage
from notifications.models import Notification
from pages.models import (
    AccessibilityStatementPage,
    CanteenMenuPage,
    EventPage,
    GalleryPage,
    MunicipalityAgent,
    MunicipalityPage,
    NewsIndexPage,
    NewsPage,
    SchoolPage,
    SchoolStaff,
    StandardPage,
    monday_of,
)

from . import _demo_audio as demo_audio
from . import _demo_content as content
from . import _demo_images as images

# Every demo account shares it and the README documents it: it must never reach production.
DEMO_PASSWORD = "preau2026"
ADMIN_USERNAME = "admin"

# The three prompts as a French reader sees them; the comment text is the filled ones joined.
PROMPTS = ("J’ai aimé…", "Je te propose…", "Je me demande…")


@dataclass(frozen=True)
class Login:
    """One line of the table printed at the end: who to log in as to see what."""

    role: str
    username: str
    sees: str


def ascii_slug(text):
    """ "Maël Le Gall" → "mael-le-gall": usernames are typed by children on tablets."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return slugify(plain)


def assign_usernames(people, taken):
    """Give each person "first.last", adding 2, 3... to repeated names.

    People are numbered in the order of the content, so the same content always gives
    the same usernames: the README documents some of them.
    """
    usernames = {}
    for person in people:
        if person in usernames:
            continue
        base = f"{ascii_slug(person.first_name)}.{ascii_slug(person.last_name)}"
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}{number}"
        taken.add(candidate)
        usernames[person] = candidate
    return usernames


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

    def handle(self, *args, force=False, verbosity=1, **options):
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
                        "%(links)d memberships and family links, %(comments)d comments."
                    )
                    % created
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS(_("Demo data already present: nothing new.")))
        self.write_logins(loader.logins())

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


class DemoLoader:
    """Creates what is missing of the demo content, remembering what it found or made."""

    def __init__(self, password_hash):
        # Hashing once keeps the command fast: a strong hasher takes ~0.3 s per call.
        self.password_hash = password_hash
        self.created = {"accounts": 0, "pages": 0, "links": 0, "comments": 0}
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        self.site = None  # django.contrib.sites' Site, which comments belong to
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
        for municipality in content.MUNICIPALITIES:
            self.load_municipality(portal, municipality)
        for school in content.SCHOOLS:
            self.load_school(portal, school)
        for pupil, parents in self.guardians.items():
            for parent in parents:
                self.link(Guardianship, parent=self.users[parent], child=self.users[pupil])
        self.partner_classes()
        self.parent_link_request()
        self.news_section(portal, content.PORTAL_NEWS, self.admin)
        self.statement(portal, self.admin)

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
        if not root.intro.strip():
            root.intro = content.PORTAL_INTRO
            root.save_revision().publish()
        return root

    def collect_families(self):
        """Turn the families of the content into pupils, parents and who is whose."""
        for family in content.FAMILIES:
            for first_name, class_key in family.children:
                pupil = content.Person(first_name, family.last_name, adult=False)
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
        page.owner = owner
        page.live = live
        parent.add_child(instance=page)
        revision = page.save_revision(user=owner)
        if live:
            # Demo staff hold no Wagtail page permissions yet; the loader publishes for them.
            revision.publish(user=owner, skip_permission_checks=True)
            if published_at is not None:
                type(page).objects.filter(pk=page.pk).update(
                    first_published_at=published_at, last_published_at=published_at
                )
        self.created["pages"] += 1
        return page

    def moment(self, days_ago, hour, minute=0):
        """A local time `days_ago` days before today, never in the future."""
        day = self.today - timedelta(days=days_ago)
        return min(timezone.make_aware(datetime.combine(day, time(hour, minute))), self.now)

    def standard_pages(self, parent, specs, owner):
        for spec in specs:
            self.page(
                parent,
                StandardPage(title=spec.title, intro=spec.intro, body=list(spec.body)),
                owner,
            )

    def news_section(self, parent, specs, owner, event=None):
        index = self.page(
            parent,
            NewsIndexPage(title="Actualités", slug="actualites"),
            owner,
        )
        for spec in specs:
            self.page(
                index,
                NewsPage(
                    title=spec.title,
                    intro=spec.intro,
                    body=list(spec.body),
                    date=self.today - timedelta(days=spec.days_ago),
                ),
                owner,
                published_at=self.moment(spec.days_ago, 9),
            )
        if event is not None:
            day = self.today + timedelta(days=event.days_ahead)
            start = timezone.make_aware(datetime.combine(day, time(event.hour)))
            self.page(
                index,
                EventPage(
                    title=event.title,
                    intro=event.intro,
                    body=list(event.body),
                    location=event.location,
                    start=start,
                    end=start + timedelta(hours=event.duration_hours),
                ),
                owner,
            )
        return index

    def statement(self, parent, owner):
        spec = content.STATEMENT
        self.page(
            parent,
            AccessibilityStatementPage(
                title=spec.title,
                slug="accessibilite",
                intro=spec.intro,
                compliance=spec.compliance,
                audit_date=self.today - timedelta(days=spec.audit_days_ago),
                non_conformities=spec.non_conformities,
                contact_email=getattr(parent.specific, "email", "") or "",
                contact_details=self.contact_details(parent.specific),
            ),
            owner,
        )

    @staticmethod
    def contact_details(site):
        lines = [getattr(site, "title", "")]
        if getattr(site, "address", ""):
            lines += [site.address, f"{site.postcode} {site.town}".strip()]
        if getattr(site, "phone", ""):
            lines.append(site.phone)
        return "\n".join(line for line in lines if line)

    def image(self, collection, title, data, filename):
        """The image of this title in the collection, drawn and stored if missing."""
        model = get_image_model()
        found = model.objects.filter(collection=collection, title=title).first()
        if found is not None:
            return found
        image = model(
            title=title, collection=collection, file=ImageFile(io.BytesIO(data), filename)
        )
        image.save()
        return image

    def publish_changes(self, page, owner, **fields):
        """Fill the fields still empty on an existing page, as a new published revision.

        A portal loaded by an older version of the demo gets the new content too; a field
        someone already filled is left alone, and nothing changes on a second run.
        """
        changed = {
            name: value
            for name, value in fields.items()
            if value and not getattr(page, name) and not getattr(page, f"{name}_id", False)
        }
        if not changed:
            return
        for name, value in changed.items():
            setattr(page, name, value)
        page.save_revision(user=owner).publish(user=owner, skip_permission_checks=True)

    def canteen_menus(self, municipality, weeks, owner):
        """This week's and next week's menus: the municipality's home shows them."""
        monday = monday_of(self.today)
        for number, days in enumerate(weeks):
            week_start = monday + timedelta(weeks=number)
            friday = week_start + timedelta(days=4)
            self.page(
                municipality,
                CanteenMenuPage(
                    title=content.week_title(week_start, friday),
                    slug=f"menus-{week_start.isoformat()}",
                    week_start=week_start,
                    days=[
                        (
                            "day_menu",
                            {
                                "day": day.day,
                                "starter": day.starter,
                                "main_course": day.main_course,
                                "side": day.side,
                                "dairy": day.dairy,
                                "dessert": day.dessert,
                                "labels": list(day.labels),
                            },
                        )
                        for day in days
                    ],
                ),
                owner,
            )

    def gallery(self, school, index, spec, owner):
        works = []
        for number, work in enumerate(spec.works, start=1):
            picture = self.image(
                school.collection,
                work.title,
                images.DRAWINGS[work.drawing](),
                f"{slugify(spec.title)}-{number}.png",
            )
            works.append(
                (
                    "work",
                    {
                        "title": work.title,
                        "image": picture,
                        "alt_text": work.alt_text,
                        "caption": work.caption,
                        "description": work.description,
                    },
                )
            )
        self.page(index, GalleryPage(title=spec.title, intro=spec.intro, works=works), owner)

    def load_municipality(self, portal, spec):
        agent = self.users[spec.agent]
        municipality = self.page(
            portal,
            MunicipalityPage(
                title=spec.title,
                town=spec.town,
                postcode=spec.postcode,
                address=spec.address,
                phone=spec.phone,
                intro=spec.intro,
                body=list(spec.body),
            ),
            agent,
        )
        self.link(MunicipalityAgent, municipality=municipality, user=agent)
        self.publish_changes(municipality, agent, accent=spec.accent)
        self.standard_pages(municipality, spec.pages, agent)
        self.news_section(municipality, spec.news, agent)
        self.canteen_menus(municipality, spec.canteen_weeks, agent)
        self.statement(municipality, agent)

    def load_school(self, portal, spec):
        director = self.users[spec.director]
        school = self.page(
            portal,
            SchoolPage(
                title=spec.title,
                level=spec.level,
                town=spec.town,
                postcode=spec.postcode,
                address=spec.address,
                phone=spec.phone,
                email=spec.email,
                opening_hours=spec.opening_hours,
                intro=spec.intro,
                body=list(spec.body),
                director_word=spec.director_word,
                director_name=spec.director_signature,
                accent=spec.accent,
            ),
            director,
        )
        self.link(SchoolStaff, school=school, user=director, role=SchoolStaff.Role.DIRECTOR)
        # The logo goes in the school's collection, which exists once the school does.
        logo = None
        if school.logo_id is None and spec.accent:
            logo = self.image(
                school.collection,
                f"Logo · {spec.title}",
                images.school_logo(spec.accent),
                f"logo-{slugify(spec.title)}.png",
            )
        self.publish_changes(
            school,
            director,
            director_word=spec.director_word,
            director_name=spec.director_signature,
            accent=spec.accent,
            logo=logo,
        )
        self.standard_pages(school, [spec.project], director)
        index = self.news_section(school, spec.news, director, event=spec.event)
        if spec.gallery is not None:
            self.gallery(school, index, spec.gallery, director)
        self.statement(school, director)
        for classroom_spec in spec.classes:
            self.load_classroom(school, classroom_spec)

    # --- Class spaces ------------------------------------------------------------------

    def load_classroom(self, school, spec):
        teacher = self.users[spec.teacher]
        classroom = self.page(
            school,
            ClassroomPage(
                title=spec.title,
                school_year=content.SCHOOL_YEAR,
                level=spec.level,
                welcome=spec.welcome,
            ),
            teacher,
        )
        self.classrooms[spec.key] = classroom
        self.link(SchoolStaff, school=school, user=teacher, role=SchoolStaff.Role.TEACHER)
        self.link(
            Membership,
            user=teacher,
            classroom=classroom,
            defaults={"role": Membership.Role.TEACHER},
        )
        if spec.assistant:
            self.link(
                Membership,
                user=self.users[spec.assistant],
                classroom=classroom,
                defaults={"role": Membership.Role.ASSISTANT},
            )
        for (class_key, _first_name), pupil in self.pupils.items():
            if class_key == spec.key:
                self.link(
                    Membership,
                    user=self.users[pupil],
                    classroom=classroom,
                    defaults={"role": Membership.Role.PUPIL},
                )
        for entry in spec.entries:
            self.load_entry(classroom, spec, entry, teacher)
        if spec.exercise:
            self.page(
                classroom,
                ExercisePage(
                    title=spec.exercise.title,
                    body=[("instruction", {"text": text}) for text in spec.exercise.instructions]
                    + list(spec.exercise.questions),
                    max_attempts=spec.exercise.max_attempts,
                ),
                teacher,
            )

    def pupil(self, class_key, first_name):
        return self.users[self.pupils[class_key, first_name]]

    def load_entry(self, classroom, class_spec, spec, teacher):
        published_at = self.moment(spec.days_ago, 16, 30) if spec.live else None
        authors = [self.pupil(class_spec.key, name) for name in spec.authors]
        is_new = not classroom.get_children().filter(slug=slugify(spec.title)).exists()
        body = [
            ("text", RichText(f"<p>{escape(text, quote=False)}</p>")) for text in spec.paragraphs
        ]
        if spec.recording and is_new:
            body.append(("recording", self.recording(classroom, spec, authors)))
        page = BlogEntryPage(title=spec.title, body=body, visibility=spec.visibility)
        page.authors.set(authors)
        page.tags.set(list(spec.topics))
        # Pupils write their own entries; the teacher publishes the live ones.
        owner = teacher if spec.live else authors[0]
        entry = self.page(classroom, page, owner, live=spec.live, published_at=published_at)
        if is_new and spec.sent:
            moderation.submit(entry, authors[0])
            if spec.sent_back:
                moderation.send_back(entry, teacher, spec.sent_back)
        for comment in spec.comments:
            self.load_comment(entry, class_spec.key, comment, published_at)

    def recording(self, classroom, spec, voices):
        """A recording of the class: a generated melody stands for the pupils' voices."""
        media = Media(
            title=spec.recording,
            type="audio",
            duration=demo_audio.DURATION,
            collection=classroom.collection,
        )
        media.file.save(f"{slugify(spec.title)}.wav", ContentFile(demo_audio.melody()), save=False)
        media.save()
        Appearance.objects.bulk_create([Appearance(pupil=pupil, media=media) for pupil in voices])
        return {"audio": media, "caption": spec.recording, "transcript": ""}

    def load_comment(self, entry, class_key, spec, published_at):
        pupil = self.pupils[class_key, spec.author]
        author = self.users[self.guardians[pupil][0] if spec.by_parent else pupil]
        answers = (spec.liked, spec.suggestion, spec.wondering)
        text = "\n".join(
            f"{prompt} {answer}" for prompt, answer in zip(PROMPTS, answers, strict=True) if answer
        )
        found = ClassComment.objects.filter(
            content_type=self.entry_type, object_pk=str(entry.pk), user=author, comment=text
        )
        if found.exists():
            return
        ClassComment(
            content_type=self.entry_type,
            object_pk=str(entry.pk),
            site=self.site,
            user=author,
            user_name=author.display_name[:50],
            user_email=author.email,
            comment=text,
            liked=spec.liked,
            suggestion=spec.suggestion,
            wondering=spec.wondering,
            is_public=spec.approved,
            submit_date=min(
                (published_at or self.now) + timedelta(hours=spec.hours_after), self.now
            ),
        ).save()
        self.created["comments"] += 1

    def partner_classes(self):
        """The CE1 of the Bourg reads the CP's blog in Jean-Jaurès (seed 000), and one of
        its pupils left a comment that waits for Mme Durand."""
        host, guest = self.classrooms["jaures-cp"], self.classrooms["bourg-ce1"]
        teachers = {
            classroom.pk: Membership.objects.filter(
                classroom=classroom, role=Membership.Role.TEACHER
            )
            .first()
            .user
            for classroom in (host, guest)
        }
        Partnership.objects.get_or_create(
            host=host,
            guest=guest,
            defaults={
                "status": Partnership.Status.ACCEPTED,
                "invited_by": teachers[host.pk],
                "answered_by": teachers[guest.pk],
            },
        )
        entry = BlogEntryPage.objects.child_of(host).filter(title="Les graines de haricots").first()
        emma = self.pupil("bourg-ce1", "Emma")
        if (
            entry is None
            or ClassComment.objects.filter(object_pk=str(entry.pk), user=emma).exists()
        ):
            return
        answers = {
            "liked": "la racine du haricot de Chloé, on dirait un petit fil.",
            "suggestion": "de faire un dessin du haricot chaque semaine.",
            "wondering": "combien de temps il faut pour avoir des feuilles.",
        }
        ClassComment(
            content_type=self.entry_type,
            object_pk=str(entry.pk),
            site=self.site,
            user=emma,
            user_name=emma.display_name[:50],
            comment=comment_services.comment_text(**answers),
            is_public=False,
            **answers,
        ).save()
        # Told inside Préau only: the demo sends no e-mail.
        Notification.objects.create(
            recipient=teachers[host.pk],
            kind="comment_pending",
            params={"author": emma.display_name, "entry": entry.title},
            url=reverse("comments:queue", kwargs={"classroom_id": host.pk}),
        )
        self.created["comments"] += 1

    def parent_link_request(self):
        """Manon's stepmother, as the director of Jean-Jaurès typed her, has an e-mail
        address that an account of the Bourg (Emma's mother) already uses: Préau never
        links it on the address alone, so the holder is asked on "Confirm a child"."""
        holder = self.users[self.guardians[self.pupils["bourg-ce1", "Emma"]][0]]
        child = self.pupil("jaures-cp", "Manon")
        classroom = self.classrooms["jaures-cp"]
        school = classroom.get_parent().specific
        if (
            Guardianship.objects.filter(parent=holder, child=child).exists()
            or ParentLinkRequest.objects.filter(parent=holder, child=child).exists()
        ):
            return
        director = SchoolStaff.objects.filter(school=school, role=SchoolStaff.Role.DIRECTOR)
        ParentLinkRequest.objects.create(
            parent=holder,
            child=child,
            school=school,
            requested_by=director.first().user,
            typed_name=holder.get_full_name(),
        )
        # Told inside Préau only: the demo sends no e-mail.
        Notification.objects.create(
            recipient=holder,
            kind="parent_link_request",
            params={"school": school.title, "child": child.display_name},
            url=enrolment_services.link_requests_url(),
        )
        self.created["links"] += 1

    # --- The login table -----------------------------------------------------------

    def class_title(self, class_key, with_school=False):
        title = self.classrooms[class_key].title
        if with_school:
            return f"{title} ({self.schools[class_key].title})"
        return title

    def logins(self):
        """One account per role and school, then the special cases, for the README."""
        names = self.usernames
        rows = [
            Login(
                _("Portal administrator"),
                ADMIN_USERNAME,
                _("Every page and class, and the Wagtail admin at /admin/"),
            )
        ]
        for school in content.SCHOOLS:
            class_key, first_name = school.showcase
            classroom_spec = next(c for c in school.classes if c.key == class_key)
            classroom = self.classrooms[class_key].title
            pupil = self.pupils[class_key, first_name]
            rows.append(
                Login(
                    _("Director"),
                    names[school.director],
                    _("Every class of their school: %(school)s") % {"school": school.title},
                )
            )
            rows.append(
                Login(
                    _("Teacher"),
                    names[classroom_spec.teacher],
                    _("Their class: %(classroom)s") % {"classroom": classroom},
                )
            )
            if classroom_spec.assistant:
                rows.append(
                    Login(
                        _("Classroom assistant (ATSEM)"),
                        names[classroom_spec.assistant],
                        _("Their class: %(classroom)s") % {"classroom": classroom},
                    )
                )
            rows.append(
                Login(
                    _("Pupil"),
                    names[pupil],
                    _("Their class: %(classroom)s") % {"classroom": classroom},
                )
            )
            rows.append(
                Login(
                    _("Parent"),
                    names[self.guardians[pupil][0]],
                    _("Their child's class: %(classroom)s") % {"classroom": classroom},
                )
            )
        for municipality in content.MUNICIPALITIES:
            rows.append(
                Login(
                    _("Municipal staff"),
                    names[municipality.agent],
                    _("Their town's site: %(town)s") % {"town": municipality.title},
                )
            )
        teachers = {
            classroom.teacher: classroom.key
            for school in content.SCHOOLS
            for classroom in school.classes
        }
        for parent, children in self.children.items():
            schools = {self.schools[class_key].title for _pupil, class_key in children}
            if len(schools) > 1:
                classrooms = ", ".join(
                    self.class_title(key, with_school=True) for _pupil, key in children
                )
                rows.append(
                    Login(
                        _("Parent in two schools"),
                        names[parent],
                        _("Their children's classes: %(classrooms)s") % {"classrooms": classrooms},
                    )
                )
            if parent in teachers:
                rows.append(
                    Login(
                        _("Teacher and parent"),
                        names[parent],
                        _("Their class, %(classroom)s, and their child's class, %(child)s")
                        % {
                            "classroom": self.classrooms[teachers[parent]].title,
                            "child": ", ".join(self.class_title(key) for _pupil, key in children),
                        },
                    )
                )
        return rows
