"""Public page types of schools and municipalities, and who runs each site.

The tree (DESIGN.md "Page tree"): a portal holds municipalities and schools; each has
standard pages and a news section (news, events, galleries); a school also holds its
private class spaces, which live in classrooms/. Schools and municipalities also carry
their site identity (logo, colour) and an accessibility statement; the portal, schools
and municipalities each hold one statement, and the footer links to the nearest one
(pages/identity.py).
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import WEEKDAY_INDEX, BodyBlock, WeekMenuBlock, WorksBlock
from .file_scope import FileScopePageForm
from .public import public_filter


class SchoolLevel(models.TextChoices):
    NURSERY = "nursery", _("Nursery school")
    ELEMENTARY = "elementary", _("Elementary school")
    PRIMARY = "primary", _("Primary school (nursery and elementary)")


class AccentColour(models.TextChoices):
    """The colours a site may wear, each with white text at 6.5:1 or more (WCAG AA: 4.5:1).

    The value is the colour itself; static/css/preau.css has one `accent-<name>` class per
    colour that sets --brand (and its darker and lighter shades) for the whole page, so the
    header, buttons and pictograms follow. tests/pages/test_site_identity.py checks both.
    """

    TEAL = "#0d5c63", _("Teal (Préau)")
    BLUE = "#1f4e8c", _("Blue")
    GREEN = "#2d6a2f", _("Green")
    PURPLE = "#6a3d9a", _("Purple")
    RASPBERRY = "#a3224f", _("Raspberry")
    BRICK = "#a33a1c", _("Brick red")
    BROWN = "#7a4a12", _("Brown")
    SLATE = "#3e4c59", _("Slate grey")


class SiteIdentityMixin(models.Model):
    """The logo and colour of a school's or municipality's site, worn by all its pages."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Shown beside the site's name on every one of its pages."),
    )
    accent = models.CharField(
        _("colour"),
        max_length=7,
        choices=AccentColour.choices,
        blank=True,
        help_text=_("The colour of the header and buttons; Préau's teal when empty."),
    )

    identity_panels = [FieldPanel("logo"), FieldPanel("accent")]

    class Meta:
        abstract = True

    @property
    def accent_class(self):
        """The CSS class of the chosen colour, e.g. "accent-blue"; empty for the default."""
        if self.accent not in AccentColour.values:  # empty, or a colour since withdrawn
            return ""
        return f"accent-{AccentColour(self.accent).name.lower()}"

    @classmethod
    def tabs(cls, content_panels):
        """Content, site identity, promote and settings tabs for the page editor."""
        return TabbedInterface(
            [
                ObjectList(content_panels, heading=_("Content")),
                ObjectList(cls.identity_panels, heading=_("Site identity")),
                ObjectList(Page.promote_panels, heading=_("Promote")),
                ObjectList(Page.settings_panels, heading=_("Settings")),
            ]
        )


class MediaCollectionMixin(models.Model):
    """A page that owns a Wagtail collection: the images and documents of one site or class.

    Its role groups get rights on that collection only (accounts/grants.py), so a chooser
    never offers another school's, or a class's, files.
    """

    collection = models.ForeignKey(
        "wagtailcore.Collection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("media collection"),
    )

    class Meta:
        abstract = True


class IntroBodyPage(Page):
    """A page with a short introduction and the shared StreamField body."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    base_form_class = FileScopePageForm  # refuses files the page may not show
    icon = "page"  # the pictogram shown beside links to pages of this type

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from .identity import site_identity_for

        context = super().get_context(request, *args, **kwargs)
        context["site_identity"] = site_identity_for(self)
        return context


class SchoolPage(IntroBodyPage, MediaCollectionMixin, SiteIdentityMixin):
    """A school's public site; also the parent of its private class spaces.

    Its home shows the director's word, the latest news, the next events and the public
    exhibitions of the school; directors edit all of it (their page permissions stop at
    their own school).
    """

    level = models.CharField(
        _("level"), max_length=20, choices=SchoolLevel.choices, default=SchoolLevel.ELEMENTARY
    )
    town = models.CharField(_("town"), max_length=120)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    director_word = RichTextField(
        _("the director's word"),
        blank=True,
        max_length=1500,
        features=["bold", "italic", "link"],
        help_text=_("A few words of welcome to families, shown on the school's home page."),
    )
    director_name = models.CharField(
        _("signed"),
        max_length=120,
        blank=True,
        help_text=_("As you want it shown, e.g. “Catherine Vidal, director”."),
    )

    content_panels = [
        *IntroBodyPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("director_word"), FieldPanel("director_name")],
            heading=_("The director's word"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("level"),
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("town"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Practical information"),
        ),
    ]
    edit_handler = SiteIdentityMixin.tabs(content_panels)
    search_fields = [*IntroBodyPage.search_fields, index.SearchField("town")]

    icon = "school"
    template = "pages/school_page.html"
    parent_page_types = ["home.PortalPage"]
    subpage_types = [
        "pages.StandardPage",
        "pages.NewsIndexPage",
        "pages.AccessibilityStatementPage",
        "classrooms.ClassroomPage",
    ]

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        public = Page.objects.live().filter(public_filter())
        context["sections"] = (
            public.child_of(self).type(StandardPage, NewsIndexPage).order_by("path").specific()
        )
        context["latest_news"] = (
            NewsPage.objects.live()
            .filter(public_filter())
            .descendant_of(self)
            .defer_streamfields()
            .order_by("-date", "-pk")[:3]
        )
        context["upcoming_events"] = (
            EventPage.objects.live()
            .filter(public_filter())
            .descendant_of(self)
            .filter(EventPage.upcoming(now))
            .defer_streamfields()
            .order_by("start")[:3]
        )
        context["galleries"] = (
            GalleryPage.objects.live()
            .filter(public_filter())
            .descendant_of(self)
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")[:6]
        )
        return context


class MunicipalityPage(IntroBodyPage, MediaCollectionMixin, SiteIdentityMixin):
    """A municipality's public site: canteen menus, after-school care, enrolment."""

    town = models.CharField(_("town"), max_length=120)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    address = models.CharField(_("town hall address"), max_length=250, blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)

    content_panels = [
        *IntroBodyPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("town"),
                FieldPanel("phone"),
            ],
            heading=_("Practical information"),
        ),
    ]
    edit_handler = SiteIdentityMixin.tabs(content_panels)
    search_fields = [*IntroBodyPage.search_fields, index.SearchField("town")]

    icon = "townhall"
    template = "pages/municipality_page.html"
    parent_page_types = ["home.PortalPage"]
    subpage_types = [
        "pages.StandardPage",
        "pages.NewsIndexPage",
        "pages.CanteenMenuPage",
        "pages.AccessibilityStatementPage",
    ]

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = (
            Page.objects.child_of(self)
            .live()
            .filter(public_filter())
            .type(StandardPage, NewsIndexPage)
            .order_by("path")
            .specific()
        )
        this_monday = monday_of(timezone.localdate())
        context["canteen_menus"] = (
            CanteenMenuPage.objects.child_of(self)
            .live()
            .filter(public_filter())
            .filter(week_start__range=(this_monday, this_monday + timedelta(days=7)))
            .order_by("week_start")
        )
        return context


class StandardPage(IntroBodyPage):
    """A plain page: school project, regulations, canteen menus, enrolment..."""

    template = "pages/standard_page.html"
    parent_page_types = [
        "home.PortalPage",
        "pages.SchoolPage",
        "pages.MunicipalityPage",
        "pages.StandardPage",
    ]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class NewsIndexPage(RoutablePageMixin, IntroBodyPage):
    """The news section of the portal, a school or a municipality: news, events, galleries."""

    icon = "news"
    template = "pages/news_index_page.html"
    parent_page_types = ["home.PortalPage", "pages.SchoolPage", "pages.MunicipalityPage"]
    subpage_types = ["pages.NewsPage", "pages.EventPage", "pages.GalleryPage"]
    max_count_per_parent = 1

    NEWS_PER_PAGE = 12

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = (
            NewsPage.objects.live().filter(public_filter()).child_of(self).order_by("-date", "-pk")
        )
        # Years of news pile up: a page at a time, whatever ?page= a visitor types.
        context["news_items"] = Paginator(news, self.NEWS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["events"] = (
            EventPage.objects.live()
            .filter(public_filter())
            .child_of(self)
            .filter(EventPage.upcoming())
            .order_by("start")
        )
        context["galleries"] = GalleryPage.objects.live().filter(public_filter()).child_of(self)
        return context

    def get_cached_paths(self):
        """The section's addresses that caches of public pages keep and a publication
        purges (wagtail.contrib.frontend_cache): the section and its feeds. An event's own
        iCalendar file follows within s-maxage (performance/page_cache.py)."""
        return ["/", "rss/", "agenda/", "agenda/ics/"]

    # Feeds of the section (pages/feeds.py): RSS of its news, its agenda and iCalendar files.

    @route(r"^rss/$", name="rss")
    def rss(self, request):
        from .feeds import news_rss

        return news_rss(self, request)

    @route(r"^agenda/$", name="agenda")
    def agenda(self, request):
        from .feeds import agenda

        return agenda(self, request)

    @route(r"^agenda/ics/$", name="agenda_ics")
    def agenda_ics(self, request):
        from .feeds import agenda_ics

        return agenda_ics(self, request)

    # One address per event (no 007 for 7): the page cache keeps each address it serves.
    @route(r"^events/(?P<event_id>[1-9]\d*)/ics/$", name="event_ics")
    def event_ics(self, request, event_id):
        from .feeds import event_ics

        return event_ics(self, request, int(event_id))


class NewsPage(IntroBodyPage):
    date = models.DateField(_("date"), default=timezone.localdate)

    content_panels = [
        *IntroBodyPage.content_panels[:1],
        FieldPanel("date"),
        *IntroBodyPage.content_panels[1:],
    ]

    template = "pages/news_page.html"
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


class EventPage(IntroBodyPage):
    """A dated event of a school or town: fête, meeting, exhibition opening..."""

    # An event stays "upcoming" for a day after it starts, so today's events are still
    # listed tonight; one that has not ended yet stays too.
    UPCOMING_GRACE = timedelta(days=1)

    start = models.DateTimeField(_("starts at"))
    end = models.DateTimeField(_("ends at"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=250, blank=True)

    content_panels = [
        *IntroBodyPage.content_panels[:1],
        MultiFieldPanel(
            [FieldPanel("start"), FieldPanel("end"), FieldPanel("location")],
            heading=_("When and where"),
        ),
        *IntroBodyPage.content_panels[1:],
    ]

    @classmethod
    def upcoming(cls, now=None):
        """The condition every listing of events to come uses (section, school, agenda)."""
        now = now or timezone.now()
        return Q(start__gte=now - cls.UPCOMING_GRACE) | Q(end__gte=now)

    icon = "calendar"
    template = "pages/event_page.html"
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")


class GalleryPage(IntroBodyPage):
    """A public exhibition of pupils' works, published by a staff decision.

    Each work is a picture, a recording or both, with a caption, a text description and
    an optional audio description, so that blind and deaf visitors visit it too. The works
    are stored in the school's collection; whoever publishes checks that no pupil's face,
    voice or full name appears without recorded consent (DESIGN.md).
    """

    works = StreamField(WorksBlock(), blank=True, verbose_name=_("works"))

    content_panels = [*IntroBodyPage.content_panels, FieldPanel("works")]
    search_fields = [*IntroBodyPage.search_fields, index.SearchField("works")]

    icon = "gallery"
    template = "pages/gallery_page.html"
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")


def monday_of(day):
    return day - timedelta(days=day.weekday())


def this_or_next_monday():
    today = timezone.localdate()
    return today + timedelta(days=(7 - today.weekday()) % 7)


class CanteenMenuPageForm(FileScopePageForm):
    """Refuses a second menu page for a week the town already published.

    Two pages for one week would show families two menus; the form knows the parent
    page, which a new page's own clean() does not (it is not in the tree yet).
    """

    def clean(self):
        cleaned_data = super().clean()
        week_start = cleaned_data.get("week_start")
        if week_start and self.parent_page is not None:
            same_week = CanteenMenuPage.objects.child_of(self.parent_page).filter(
                week_start=week_start
            )
            if self.instance.pk:
                same_week = same_week.exclude(pk=self.instance.pk)
            if same_week.exists():
                self.add_error(
                    "week_start", _("This week already has a menu: edit that page instead.")
                )
        return cleaned_data


class CanteenMenuPage(IntroBodyPage):
    """One week of canteen lunches of a municipality, one page per week.

    The days are a StreamField of day menus rather than 25 fixed fields: a week has four
    school days, five where Wednesday has classes, fewer around a bank holiday, and each
    day has the five courses French canteens post (starter, main course, side dish, dairy,
    dessert) with its labels (vegetarian, organic, local). Each day appears once; the page
    shows them in weekday order whatever the order they were typed in. `week_start` is
    the Monday of the week, so the municipality's home finds this week's and next week's
    menus with one query.
    """

    week_start = models.DateField(
        _("week of Monday"),
        default=this_or_next_monday,
        help_text=_("The Monday of the week these menus are served."),
    )
    days = StreamField(WeekMenuBlock(), blank=True, verbose_name=_("menus of the days"))

    content_panels = [
        *IntroBodyPage.content_panels[:1],
        FieldPanel("week_start"),
        FieldPanel("days"),
        *IntroBodyPage.content_panels[1:],
    ]
    search_fields = [*IntroBodyPage.search_fields, index.SearchField("days")]
    base_form_class = CanteenMenuPageForm

    icon = "calendar"
    template = "pages/canteen_menu_page.html"
    parent_page_types = ["pages.MunicipalityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("canteen menu")
        verbose_name_plural = _("canteen menus")

    def clean(self):
        super().clean()
        if self.week_start and self.week_start.weekday() != 0:
            raise ValidationError(
                {"week_start": _("A week's menu starts on a Monday: choose that week's Monday.")}
            )

    def menu_days(self):
        """(date, day block) pairs in weekday order."""
        days = sorted(self.days, key=lambda day: WEEKDAY_INDEX[day.value["day"]])
        return [
            (self.week_start + timedelta(days=WEEKDAY_INDEX[day.value["day"]]), day) for day in days
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        weeks = (
            CanteenMenuPage.objects.sibling_of(self, inclusive=False).live().filter(public_filter())
        )
        context["previous_week"] = (
            weeks.filter(week_start__lt=self.week_start).order_by("-week_start").first()
        )
        context["next_week"] = (
            weeks.filter(week_start__gt=self.week_start).order_by("week_start").first()
        )
        return context


class ComplianceStatus(models.TextChoices):
    """The three statuses of the French accessibility law (RGAA), worded as the footer
    must show them: "Accessibilité : partiellement conforme"."""

    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AccessibilityStatementPage(IntroBodyPage):
    """The accessibility statement of one site (the portal, a school, a municipality).

    French law (RGAA) requires every public site to publish one and to name its status in
    the footer of every page; the footer links to the nearest statement up the tree
    (pages/identity.py), so each site states its own compliance.
    """

    compliance = models.CharField(
        _("compliance status"),
        max_length=10,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.NONE,
        help_text=_("“Not compliant” until an audit has measured the site."),
    )
    audit_date = models.DateField(_("audit date"), null=True, blank=True)
    non_conformities = RichTextField(
        _("content that is not accessible"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("What does not work yet for people with disabilities, and what to do."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_details = models.TextField(
        _("other ways to reach us"),
        blank=True,
        help_text=_("Postal address, telephone, opening hours."),
    )

    content_panels = [
        *IntroBodyPage.content_panels[:1],
        MultiFieldPanel(
            [FieldPanel("compliance"), FieldPanel("audit_date"), FieldPanel("non_conformities")],
            heading=_("Compliance"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_details")],
            heading=_("Feedback and contact"),
        ),
        *IntroBodyPage.content_panels[1:],
    ]

    icon = "check"
    template = "pages/accessibility_statement_page.html"
    parent_page_types = ["home.PortalPage", "pages.SchoolPage", "pages.MunicipalityPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")


class SchoolStaff(models.Model):
    """A director or teacher of a school (personal data: links a person to a school)."""

    class Role(models.TextChoices):
        DIRECTOR = "director", _("Director")
        TEACHER = "teacher", _("Teacher")

    school = models.ForeignKey(
        SchoolPage, on_delete=models.CASCADE, related_name="staff", verbose_name=_("school")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="school_roles",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("school staff member")
        verbose_name_plural = _("school staff")
        constraints = [
            models.UniqueConstraint(fields=["school", "user", "role"], name="unique_school_role")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.school}"


class MunicipalityAgent(models.Model):
    """A member of the municipality's staff who edits its public site."""

    municipality = models.ForeignKey(
        MunicipalityPage,
        on_delete=models.CASCADE,
        related_name="agents",
        verbose_name=_("municipality"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="municipality_roles",
        verbose_name=_("person"),
    )

    class Meta:
        verbose_name = _("municipality agent")
        verbose_name_plural = _("municipality agents")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "user"], name="unique_municipality_agent"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.municipality}"
