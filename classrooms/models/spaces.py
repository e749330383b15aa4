"""The class space and the base of every activity page below it: private by default."""

from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from pages.file_scope import FileScopePageForm
from pages.models import PROMOTE_PANELS, MediaCollectionMixin

from .. import activities


class Level(models.TextChoices):
    """French primary school levels, from nursery (TPS) to the last elementary year (CM2)."""

    TPS = "TPS", _("Nursery, youngest (TPS)")
    PS = "PS", _("Nursery, first year (PS)")
    MS = "MS", _("Nursery, middle year (MS)")
    GS = "GS", _("Nursery, last year (GS)")
    CP = "CP", _("Year 1 (CP)")
    CE1 = "CE1", _("Year 2 (CE1)")
    CE2 = "CE2", _("Year 3 (CE2)")
    CM1 = "CM1", _("Year 4 (CM1)")
    CM2 = "CM2", _("Year 5 (CM2)")


NURSERY_LEVELS = frozenset({Level.TPS, Level.PS, Level.MS, Level.GS})


class NurseryMode(models.TextChoices):
    """Whether the class's pupils get pictograms and speech instead of written labels."""

    AUTO = "auto", _("By level: on for nursery classes (TPS to GS)")
    ON = "on", _("On for every pupil")
    OFF = "off", pgettext_lazy("nursery mode", "Off")


class PrivateClassPageMixin:
    """Serves a page of a class space only to the people allowed to see that class.

    Anonymous visitors are sent to the login page; logged-in outsiders get 404, not 403,
    so nobody learns that the class exists. Preview goes through the same check.
    """

    def get_classroom(self):
        raise NotImplementedError

    def check_visibility(self, request):
        from ..permissions import can_view_classroom

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_view_classroom(request.user, self.get_classroom()):
            raise Http404
        return None

    def check_live_visibility(self, request):
        """Who may see the published page; activities that can be shared widen it."""
        return self.check_visibility(request)

    def serve(self, request, *args, **kwargs):
        return self.check_live_visibility(request) or super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        # A draft is never shared beyond the class, whatever its visibility will be.
        return self.check_visibility(request) or super().serve_preview(request, mode_name)

    def get_sitemap_urls(self, request=None):
        return []


class ClassroomPage(PrivateClassPageMixin, MediaCollectionMixin, Page):
    """A private class space for one school year."""

    school_year = models.CharField(
        _("school year"), max_length=9, help_text=_("For example 2026-2027.")
    )
    level = models.CharField(_("level"), max_length=3, choices=Level.choices)
    welcome = RichTextField(_("welcome text"), blank=True, features=["bold", "italic"])
    picture = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("class picture"),
        help_text=_("A drawing or photo the class chose to represent itself; no faces."),
    )

    nursery_mode = models.CharField(
        _("nursery mode"),
        max_length=4,
        choices=NurseryMode.choices,
        default=NurseryMode.AUTO,
        help_text=_(
            "Pupils in nursery mode see pictograms with spoken labels, record rather than "
            "write, and choose classmates by their picture. It can also be set pupil by pupil."
        ),
    )

    # The year's end (schoolyear/): a closed class is its year's archive, read-only for its
    # teachers, readable by its pupils' families until `families_until`, then by staff only.
    closed_on = models.DateField(
        _("closed on"),
        null=True,
        blank=True,
        help_text=_("Set when the school year is rolled over: the class becomes an archive."),
    )
    families_until = models.DateField(
        _("families may read the archive until"),
        null=True,
        blank=True,
    )

    promote_panels = PROMOTE_PANELS
    content_panels = [
        *Page.content_panels,
        FieldPanel("school_year"),
        FieldPanel("level"),
        FieldPanel("nursery_mode"),
        FieldPanel("welcome"),
        FieldPanel("picture"),
    ]
    # Class spaces stay out of the site search index: they are private.
    search_fields = []
    base_form_class = FileScopePageForm  # refuses another class's files

    template = "classrooms/classroom_page.html"
    parent_page_types = ["pages.SchoolPage"]

    class Meta:
        verbose_name = _("class space")
        verbose_name_plural = _("class spaces")
        # Front-end actions, granted per class through django-guardian (permissions.py).
        permissions = [
            ("post_in_classroom", _("Can post in the class space")),
            ("comment_in_classroom", _("Can comment in the class space")),
            ("moderate_classroom", _("Can moderate the class space")),
            ("manage_classroom", _("Can manage the pupils and parents of the class")),
        ]

    @classmethod
    def clean_subpage_models(cls):
        """The class space holds exactly the registered activity page types."""
        return activities.page_models()

    def get_classroom(self):
        return self

    def free_slug(self, title, fallback) -> str:
        """A slug for a new page of the class: its title's, or `fallback` for a title with no
        letter or digit (« × ÷ », « ??? »), numbered when a sibling already has it."""
        base = slugify(title)[:50].strip("-") or fallback
        taken = set(self.get_children().values_list("slug", flat=True))
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug

    @property
    def is_archive(self):
        """A closed class: its year is over, nothing is added or changed any more."""
        return self.closed_on is not None

    @property
    def is_nursery(self):
        """Nursery classes (TPS to GS) record rather than write: their editor says so."""
        return self.level in NURSERY_LEVELS

    @property
    def nursery_mode_by_default(self):
        """Whether the class's pupils are in nursery mode unless set otherwise for one."""
        if self.nursery_mode == NurseryMode.AUTO:
            return self.is_nursery
        return self.nursery_mode == NurseryMode.ON

    def get_context(self, request, *args, **kwargs):
        from ..wall import wall_context

        context = super().get_context(request, *args, **kwargs)
        context.update(wall_context(request, self))
        return context


class ClassActivityPage(PrivateClassPageMixin, Page):
    """Base of every activity page: lives directly in a class space and shares its privacy."""

    search_fields = []
    promote_panels = PROMOTE_PANELS
    base_form_class = FileScopePageForm  # refuses another class's files
    parent_page_types = ["classrooms.ClassroomPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def get_classroom(self):
        """The class space this activity sits in (its parent), read once per page object."""
        return self.class_space

    @cached_property
    def class_space(self):
        """Shared under the class's version: every reader of every activity asks for it."""
        from performance import versions

        path = self.path[: -self.steplen]
        return versions.cached(
            f"class-space:{path}",
            (versions.class_scope(path),),
            lambda: ClassroomPage.objects.select_related("locale").get(path=path),
        )

    @property
    def frame_parent(self):
        """The page whose frame (breadcrumb, statement) this one extends (pages/frame.py)."""
        return self.class_space

    @property
    def activity_icon(self):
        activity = activities.for_model(type(self))
        return activity.icon if activity else "page"

    @property
    def activity_label(self):
        return self._meta.verbose_name
