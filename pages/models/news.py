"""The news section of a site and what it holds: news items, events and galleries.

The section serves its feeds too (RSS, agenda, iCalendar files: pages/feeds.py).
"""

from datetime import timedelta

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import WorksBlock
from ..public import public_filter
from .mixins import IntroBodyPage


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
        from ..feeds import news_rss

        return news_rss(self, request)

    @route(r"^agenda/$", name="agenda")
    def agenda(self, request):
        from ..feeds import agenda

        return agenda(self, request)

    @route(r"^agenda/ics/$", name="agenda_ics")
    def agenda_ics(self, request):
        from ..feeds import agenda_ics

        return agenda_ics(self, request)

    # One address per event (no 007 for 7): the page cache keeps each address it serves.
    @route(r"^events/(?P<event_id>[1-9]\d*)/ics/$", name="event_ics")
    def event_ics(self, request, event_id):
        from ..feeds import event_ics

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
