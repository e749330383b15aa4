"""Public page types of schools and municipalities, and who runs each site.

The tree (DESIGN.md "Page tree"): a portal holds municipalities and schools; each has
standard pages and a news section (news, events, galleries); a school also holds its
private class spaces, which live in classrooms/.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class SchoolLevel(models.TextChoices):
    NURSERY = "nursery", _("Nursery school")
    ELEMENTARY = "elementary", _("Elementary school")
    PRIMARY = "primary", _("Primary school (nursery and elementary)")


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
    icon = "page"  # the pictogram shown beside links to pages of this type

    class Meta:
        abstract = True


class SchoolPage(IntroBodyPage, MediaCollectionMixin):
    """A school's public site; also the parent of its private class spaces."""

    level = models.CharField(
        _("level"), max_length=20, choices=SchoolLevel.choices, default=SchoolLevel.ELEMENTARY
    )
    town = models.CharField(_("town"), max_length=120)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)

    content_panels = [
        *IntroBodyPage.content_panels,
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
    search_fields = [*IntroBodyPage.search_fields, index.SearchField("town")]

    icon = "school"
    template = "pages/school_page.html"
    parent_page_types = ["home.PortalPage"]
    subpage_types = ["pages.StandardPage", "pages.NewsIndexPage", "classrooms.ClassroomPage"]

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = (
            Page.objects.child_of(self)
            .live()
            .public()
            .type(StandardPage, NewsIndexPage)
            .order_by("path")
            .specific()
        )
        context["latest_news"] = (
            NewsPage.objects.live().public().descendant_of(self).order_by("-date")[:3]
        )
        return context


class MunicipalityPage(IntroBodyPage, MediaCollectionMixin):
    """A municipality's public site: canteen, after-school care, enrolment."""

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
    search_fields = [*IntroBodyPage.search_fields, index.SearchField("town")]

    icon = "townhall"
    template = "pages/municipality_page.html"
    parent_page_types = ["home.PortalPage"]
    subpage_types = ["pages.StandardPage", "pages.NewsIndexPage"]

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = (
            Page.objects.child_of(self)
            .live()
            .public()
            .type(StandardPage, NewsIndexPage)
            .order_by("path")
            .specific()
        )
        return context


class StandardPage(IntroBodyPage):
    """A plain page: school project, regulations, canteen menus, enrolment..."""

    template = "pages/standard_page.html"
    parent_page_types = ["pages.SchoolPage", "pages.MunicipalityPage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class NewsIndexPage(IntroBodyPage):
    """The news section of a school or municipality: news, events and galleries."""

    icon = "news"
    template = "pages/news_index_page.html"
    parent_page_types = ["pages.SchoolPage", "pages.MunicipalityPage"]
    subpage_types = ["pages.NewsPage", "pages.EventPage", "pages.GalleryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_items"] = NewsPage.objects.live().public().child_of(self).order_by("-date")
        context["events"] = (
            EventPage.objects.live()
            .public()
            .child_of(self)
            .filter(start__gte=timezone.now() - timezone.timedelta(days=1))
            .order_by("start")
        )
        context["galleries"] = GalleryPage.objects.live().public().child_of(self)
        return context


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

    icon = "calendar"
    template = "pages/event_page.html"
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")


class GalleryPage(IntroBodyPage):
    """A public exhibition of pupils' works, published by a staff decision."""

    icon = "gallery"
    template = "pages/gallery_page.html"
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")


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
