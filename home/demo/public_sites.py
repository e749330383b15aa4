"""The demo's public sites: towns and schools with their pages, news, events, canteen
menus, exhibition and accessibility statements (mixed into `DemoLoader`)."""

import io
from datetime import datetime, time, timedelta

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model

from pages.blocks import COURSES
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
    week_slug,
)

from . import data as content
from . import images


class PublicSites:
    """Loads the municipalities and schools of the demo, and the pages every site has."""

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
        """This week's and next week's menus: the municipality's home shows them.

        A week loaded by an older demo, without allergens, gets them (and its title from
        the week) as a new published revision; nothing changes on a second run.
        """
        monday = monday_of(self.today)
        for number, days in enumerate(weeks):
            week_start = monday + timedelta(weeks=number)
            day_menus = [("day_menu", day_menu(day)) for day in days]
            menu = self.page(
                municipality,
                # Its title ("Menus de la semaine du …") and slug come from the week.
                CanteenMenuPage(
                    title="-", slug=week_slug(week_start), week_start=week_start, days=day_menus
                ),
                owner,
            )
            if not any(has_allergens(day.value) for day in menu.days):
                menu.days = day_menus
                menu.save_revision(user=owner).publish(user=owner)

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


def day_menu(day):
    """A day's menu block value from its spec, each course with its allergens."""
    value = {
        "day": day.day,
        "starter": day.starter,
        "main_course": day.main_course,
        "side": day.side,
        "dairy": day.dairy,
        "dessert": day.dessert,
        "labels": list(day.labels),
    }
    for course, _name in COURSES:
        value[f"{course}_allergens"] = day.allergens(course)
    return value


def has_allergens(value):
    return any(value.get(f"{course}_allergens") for course, _name in COURSES)
