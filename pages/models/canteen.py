"""A municipality's canteen menus, one page per week."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import WEEKDAY_INDEX, WeekMenuBlock
from ..file_scope import FileScopePageForm
from ..public import public_filter
from .mixins import IntroBodyPage


def monday_of(day):
    return day - timedelta(days=day.weekday())


def week_slug(monday):
    """The address of a week's menus: "menus-2026-12-07"."""
    return f"menus-{monday.isoformat()}"


def this_or_next_monday():
    today = timezone.localdate()
    return today + timedelta(days=(7 - today.weekday()) % 7)


class CanteenMenuPageForm(FileScopePageForm):
    """Refuses a second menu page for a week the town already published.

    Two pages for one week would show families two menus; the form knows the parent
    page, which a new page's own clean() does not (it is not in the tree yet).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The title and the address follow the week (CanteenMenuPage.full_clean).
        for name in ("title", "slug"):
            if name in self.fields:
                self.fields[name].required = False
        if "title" in self.fields:
            self.fields["title"].disabled = True
            self.fields["title"].help_text = _(
                "Written for you from the week: “Menus for the week of …”."
            )

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
        if week_start and "slug" in self.fields:
            cleaned_data["slug"] = week_slug(week_start)
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

    def week_title(self):
        """ "Menus de la semaine du 7 décembre 2026", in the page's language."""
        language = self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE
        with translation.override(language):
            return gettext("Menus for the week of %(monday)s") % {
                "monday": date_format(self.week_start, "DATE_FORMAT")
            }

    def full_clean(self, *args, **kwargs):
        """The title and the address come from the week, never typed: two towns' editors
        would otherwise name the same week three ways."""
        if self.week_start:
            self.title = self.week_title()
            self.slug = week_slug(self.week_start)
        super().full_clean(*args, **kwargs)

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
