"""The portal's home page: a directory of every school and municipality on the portal."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from pages.models import MunicipalityPage, SchoolPage

DIRECTORY_QUERY_MAX_LENGTH = 100


class PortalPage(Page):
    """The root of the portal in one language; schools and municipalities hang below it."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    template = "home/portal_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.SchoolPage", "pages.MunicipalityPage"]

    class Meta:
        verbose_name = _("portal home")
        verbose_name_plural = _("portal homes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()[:DIRECTORY_QUERY_MAX_LENGTH]
        schools = SchoolPage.objects.child_of(self).live().public()
        municipalities = MunicipalityPage.objects.child_of(self).live().public()
        if query:
            match = Q(title__icontains=query) | Q(town__icontains=query) | Q(postcode=query)
            schools = schools.filter(match)
            municipalities = municipalities.filter(match)
        context["directory_query"] = query
        context["schools"] = schools.order_by("town", "title")
        context["municipalities"] = municipalities.order_by("town")
        return context
