"""The portal's home page: a directory of every school and municipality on the portal.

Besides the directory, the portal holds its own news section (news of the whole
territory, not the schools'), standard pages and its accessibility statement.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from pages.models import PROMOTE_PANELS, MunicipalityPage, NewsPage, SchoolLevel, SchoolPage
from pages.public import public_filter

from .directory import listed, original_of, reader_language, translated_title_match
from .routing import FallbackToDefaultLocaleMixin

DIRECTORY_QUERY_MAX_LENGTH = 100


class PortalPage(FallbackToDefaultLocaleMixin, Page):
    """The root of the portal in one language; schools and municipalities hang below it."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = PROMOTE_PANELS

    template = "home/portal_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.SchoolPage",
        "pages.MunicipalityPage",
        "pages.NewsIndexPage",
        "pages.StandardPage",
        "pages.AccessibilityStatementPage",
    ]

    class Meta:
        verbose_name = _("portal home")
        verbose_name_plural = _("portal homes")

    def get_context(self, request, *args, **kwargs):
        """The directory and news of the original portal, whichever version is read
        (home/directory.py): a translation of the home lists every school too."""
        context = super().get_context(request, *args, **kwargs)
        original = original_of(self)
        query = request.GET.get("q", "").strip()[:DIRECTORY_QUERY_MAX_LENGTH]
        # An unknown level (a hand-typed address, an old link) is ignored, not an error.
        level = request.GET.get("level", "")
        if level not in SchoolLevel.values:
            level = ""
        schools = (
            SchoolPage.objects.child_of(original)
            .live()
            .filter(public_filter())
            .defer_streamfields()
        )
        municipalities = (
            MunicipalityPage.objects.child_of(original)
            .live()
            .filter(public_filter())
            .defer_streamfields()
        )
        if query:
            match = (
                Q(title__icontains=query)
                | Q(town__icontains=query)
                | Q(postcode=query)
                | translated_title_match(query, reader_language())
            )
            schools = schools.filter(match)
            municipalities = municipalities.filter(match)
        if level:
            schools = schools.filter(level=level)
        context["directory_query"] = query
        context["directory_level"] = level
        context["levels"] = SchoolLevel.choices
        context["schools"] = listed(schools.order_by("town", "title"), request)
        context["municipalities"] = listed(municipalities.order_by("town"), request)
        context["portal_news"] = listed(original.latest_news(), request, model=NewsPage)
        return context

    def latest_news(self, count=3):
        """The portal's own news: news items of its news section, not the schools' ones.

        A news item sits below a news section, so the portal's own are exactly the news
        pages two levels below it: one query, however many schools publish news.
        """
        return (
            NewsPage.objects.live()
            .filter(public_filter())
            .filter(path__startswith=self.path, depth=self.depth + 2)
            .defer_streamfields()
            .order_by("-date", "-pk")[:count]
        )
