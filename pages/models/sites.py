"""The sites of the portal: a school's, a municipality's, and their plain pages.

A school's home shows its latest news, next events and exhibitions; a municipality's its
canteen menus of this week and the next; both list their sections (SiteHomeMixin).
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..public import public_filter
from .canteen import CanteenMenuPage, monday_of
from .mixins import IntroBodyPage, MediaCollectionMixin, SiteIdentityMixin
from .news import EventPage, GalleryPage, NewsIndexPage, NewsPage


class SchoolLevel(models.TextChoices):
    NURSERY = "nursery", _("Nursery school")
    ELEMENTARY = "elementary", _("Elementary school")
    PRIMARY = "primary", _("Primary school (nursery and elementary)")


class SiteHomeMixin:
    """The home of a school's or municipality's site lists its public sections.

    Both homes show, under their own content, the standard pages and the news section
    right below them, in the editors' order (pages/includes/sections.html).
    """

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = (
            Page.objects.live()
            .filter(public_filter())
            .child_of(self)
            .type(StandardPage, NewsIndexPage)
            .order_by("path")
            .specific()
        )
        return context


class SchoolPage(SiteHomeMixin, IntroBodyPage, MediaCollectionMixin, SiteIdentityMixin):
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


class MunicipalityPage(SiteHomeMixin, IntroBodyPage, MediaCollectionMixin, SiteIdentityMixin):
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
