"""Class spaces, their members and their activities.

A class space is private: its members, the parents of its pupils and the school's
director see it; everyone else gets 404 (see permissions.py). Activities (blog entries,
exercises...) are pages below it, registered in activities.py.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from pages.models import MediaCollectionMixin

from . import activities
from .blocks import EntryBodyBlock, ExerciseBodyBlock


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


class PrivateClassPageMixin:
    """Serves a page of a class space only to the people allowed to see that class.

    Anonymous visitors are sent to the login page; logged-in outsiders get 404, not 403,
    so nobody learns that the class exists. Preview goes through the same check.
    """

    def get_classroom(self):
        raise NotImplementedError

    def check_visibility(self, request):
        from .permissions import can_view_classroom

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_view_classroom(request.user, self.get_classroom()):
            raise Http404
        return None

    def serve(self, request, *args, **kwargs):
        return self.check_visibility(request) or super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
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

    content_panels = [
        *Page.content_panels,
        FieldPanel("school_year"),
        FieldPanel("level"),
        FieldPanel("welcome"),
    ]
    # Class spaces stay out of the site search index: they are private.
    search_fields = []

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

    def get_context(self, request, *args, **kwargs):
        from .permissions import can_manage_classroom

        context = super().get_context(request, *args, **kwargs)
        wall_models = [a.model for a in activities.registered() if a.on_wall]
        context["wall"] = (
            Page.objects.child_of(self)
            .live()
            .type(*wall_models)
            .order_by("-first_published_at")
            .specific()[:20]
        )
        context["teachers"] = [
            m.user
            for m in self.memberships.filter(role=Membership.Role.TEACHER).select_related("user")
        ]
        context["can_manage"] = can_manage_classroom(request.user, self)
        return context


class ClassActivityPage(PrivateClassPageMixin, Page):
    """Base of every activity page: lives directly in a class space and shares its privacy."""

    search_fields = []
    parent_page_types = ["classrooms.ClassroomPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def get_classroom(self):
        # Activities sit directly below their class space; the path prefix finds it
        # without loading the tree.
        return ClassroomPage.objects.get(path=self.path[: -self.steplen])

    @property
    def activity_icon(self):
        activity = activities.for_model(type(self))
        return activity.icon if activity else "page"

    @property
    def activity_label(self):
        return self._meta.verbose_name


class BlogEntryPage(ClassActivityPage):
    """An entry of the class blog, often written by pupils together."""

    body = StreamField(EntryBodyBlock(), blank=True, verbose_name=_("body"))
    authors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="blog_entries",
        verbose_name=_("authors"),
    )

    content_panels = [*Page.content_panels, FieldPanel("authors"), FieldPanel("body")]

    template = "classrooms/blog_entry_page.html"

    class Meta:
        verbose_name = _("blog entry")
        verbose_name_plural = _("blog entries")

    def get_context(self, request, *args, **kwargs):
        from comments.models import ClassComment

        context = super().get_context(request, *args, **kwargs)
        context["authors"] = list(self.authors.order_by("first_name"))
        context["comments"] = ClassComment.objects.for_object(self).select_related("user")
        return context


class ExercisePage(ClassActivityPage):
    """An exercise set by the teacher; the question blocks come with the exercises feature."""

    body = StreamField(ExerciseBodyBlock(), blank=True, verbose_name=_("instructions"))

    content_panels = [*Page.content_panels, FieldPanel("body")]

    template = "classrooms/exercise_page.html"

    class Meta:
        verbose_name = _("exercise")
        verbose_name_plural = _("exercises")


class Membership(models.Model):
    """A person's place in a class: teacher, classroom assistant (ATSEM) or pupil.

    Personal data: links a person (a child, for pupils) to a class. Kept for the school
    year of the class; erased with the class space or when the person leaves the school.
    """

    class Role(models.TextChoices):
        TEACHER = "teacher", _("Teacher")
        ASSISTANT = "assistant", _("Classroom assistant (ATSEM)")
        PUPIL = "pupil", _("Pupil")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    classroom = models.ForeignKey(
        ClassroomPage,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("class"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("class membership")
        verbose_name_plural = _("class memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "classroom"], name="unique_class_membership")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.classroom}"


class Guardianship(models.Model):
    """A parent or legal guardian of a pupil: they follow that child's classes.

    Personal data: a family link between two people. Kept while the child is enrolled;
    erased with the child's account.
    """

    parent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="guardianships",
        verbose_name=_("parent"),
    )
    child = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="guardians",
        verbose_name=_("child"),
    )

    class Meta:
        verbose_name = _("guardianship")
        verbose_name_plural = _("guardianships")
        constraints = [
            models.UniqueConstraint(fields=["parent", "child"], name="unique_guardianship"),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("child")), name="guardian_is_not_child"
            ),
        ]

    def __str__(self):
        return f"{self.parent} → {self.child}"


class ClassroomUserObjectPermission(UserObjectPermissionBase):
    """Guardian's per-user permissions on class spaces, with a real foreign key."""

    content_object = models.ForeignKey(ClassroomPage, on_delete=models.CASCADE)


class ClassroomGroupObjectPermission(GroupObjectPermissionBase):
    """Guardian's per-group permissions on class spaces: where the roles' rights live."""

    content_object = models.ForeignKey(ClassroomPage, on_delete=models.CASCADE)
