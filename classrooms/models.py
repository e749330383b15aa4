"""Class spaces, their members and their activities.

A class space is private: its members, the parents of its pupils and the school's
director see it; everyone else gets 404 (see permissions.py). Activities (blog entries,
exercises...) are pages below it, registered in activities.py.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Task, TaskState

from pages.file_scope import FileScopePageForm
from pages.models import MediaCollectionMixin

from . import activities
from .blocks import EntryBodyBlock


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

    content_panels = [
        *Page.content_panels,
        FieldPanel("school_year"),
        FieldPanel("level"),
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

    @property
    def is_nursery(self):
        """Nursery classes (TPS to GS) record rather than write: their editor says so."""
        return self.level in NURSERY_LEVELS

    def get_context(self, request, *args, **kwargs):
        from .wall import wall_context

        context = super().get_context(request, *args, **kwargs)
        context.update(wall_context(request, self))
        return context


class ClassActivityPage(PrivateClassPageMixin, Page):
    """Base of every activity page: lives directly in a class space and shares its privacy."""

    search_fields = []
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


class Visibility(models.TextChoices):
    """Who may read a published blog entry. Anything beyond the class is a staff decision."""

    CLASS = "class", _("The class and its families")
    SCHOOL = "school", _("The whole school")
    PUBLIC = "public", _("Everyone (public)")


class BlogEntryTag(TaggedItemBase):
    """The topics of a blog entry ("animals", "our outing"...), chosen by the class."""

    content_object = ParentalKey(
        "classrooms.BlogEntryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class BlogEntryPage(ClassActivityPage):
    """An entry of the class blog, often written by pupils together.

    Pupils write it in the front end (views.py) and send it to their teachers, who
    publish it through the class blog workflow (ClassTeacherApprovalTask). Personal data:
    the pupils who wrote it (authors), and whatever their words, photos and recordings
    say of them. Kept with the class space; erased with it.
    """

    body = StreamField(EntryBodyBlock(), blank=True, verbose_name=_("body"))
    authors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="blog_entries",
        verbose_name=_("authors"),
    )
    visibility = models.CharField(
        _("who can read it"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.CLASS,
        help_text=_(
            "Beyond the class, only first names are shown, and photos or recordings of a "
            "pupil need their family's consent to be public."
        ),
    )
    tags = ClusterTaggableManager(through=BlogEntryTag, blank=True, verbose_name=_("topics"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("authors"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    settings_panels = [FieldPanel("visibility"), *Page.settings_panels]

    template = "classrooms/blog_entry_page.html"

    class Meta:
        verbose_name = _("blog entry")
        verbose_name_plural = _("blog entries")

    def check_live_visibility(self, request):
        from .visibility import can_read_entry

        # The class, and whoever the entry is shared with (school, public, partners).
        if can_read_entry(request.user, self):
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404

    def clean(self):
        super().clean()
        from .visibility import publication_refusals

        if refusals := publication_refusals(self):
            from django.core.exceptions import ValidationError

            raise ValidationError({"visibility": refusals})

    def get_context(self, request, *args, **kwargs):
        from .entry_page import entry_context

        context = super().get_context(request, *args, **kwargs)
        context.update(entry_context(request, self))
        return context


class Appearance(models.Model):
    """A pupil seen in a photo or heard in a recording of the class.

    Recorded by the class's editor when the file is added (the authors of a recording,
    the classmates ticked as visible in a photo), so that a staff member who makes an
    entry public is stopped where a family has not consented (visibility.py). Personal
    data: links a child to their picture or voice. Erased with the file or the pupil.
    """

    pupil = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="appearances",
        verbose_name=_("pupil"),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appearances",
        verbose_name=_("photo"),
    )
    media = models.ForeignKey(
        "wagtailmedia.Media",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appearances",
        verbose_name=_("recording"),
    )

    class Meta:
        verbose_name = _("appearance")
        verbose_name_plural = _("appearances")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image__isnull=False) ^ models.Q(media__isnull=False),
                name="appearance_in_one_file",
            ),
            models.UniqueConstraint(fields=["pupil", "image"], name="unique_photo_appearance"),
            models.UniqueConstraint(fields=["pupil", "media"], name="unique_voice_appearance"),
        ]

    def __str__(self):
        return str(self.pupil)


class WithheldCollection(models.Model):
    """The media collection where photos and recordings of a child in no class are kept
    once the family withdrew consent: served to superusers only (classrooms/files.py).

    A withdrawn consent moves the files outside class collections that show the child
    into the child's class collection, where the class's rule keeps them private whatever
    happens to the Appearance rows (consent.py); a child in no class has none, so their
    files come here. Below the root collection, where no school's groups have rights. One
    row, made on first use.
    """

    collection = models.OneToOneField(
        "wagtailcore.Collection",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("media collection"),
    )

    class Meta:
        verbose_name = _("collection of withheld files")
        verbose_name_plural = _("collections of withheld files")

    def __str__(self):
        return str(self.collection)


class ClassTeacherApprovalTask(Task):
    """The one moderation step of every class blog: a teacher of the entry's class approves.

    A GroupApprovalTask would need one task (and one workflow) per class; this task finds
    the approvers from the entry's place in the tree instead, so one workflow serves all
    classes (pages/workflows.py assigns it to every class space). The Wagtail admin and
    the front-end review (moderation.py) see the same states.
    """

    class Meta:
        verbose_name = _("approval by the class's teachers")
        verbose_name_plural = _("approvals by the class's teachers")

    @classmethod
    def get_description(cls):
        return _("The teachers of the class the page belongs to approve it.")

    def is_approver(self, obj, user) -> bool:
        from .moderation import teaches_class_of

        return user.is_superuser or teaches_class_of(user, obj)

    def user_can_access_editor(self, obj, user):
        return self.is_approver(obj, user)

    def locked_for_user(self, obj, user):
        return not self.is_approver(obj, user)

    def user_can_lock(self, obj, user):
        return self.is_approver(obj, user)

    def get_actions(self, obj, user):
        if not self.is_approver(obj, user):
            return []
        return [
            ("reject", _("Send back with a note"), True),
            ("approve", _("Approve and publish"), False),
            ("approve", _("Approve with a comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from .moderation import pages_taught_by

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        return states.filter(workflow_state__object_id__in=pages_taught_by(user))


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


class PupilGroup(models.Model):
    """A group of pupils of one class: a team, a reading group, a level group.

    Teachers split their class (seed 000: teams each choosing a topic; seed 004: pairs
    and differentiated paths), and give different work to different groups. Personal
    data: which children work together. Kept with the class; erased with it.
    """

    classroom = models.ForeignKey(
        ClassroomPage,
        on_delete=models.CASCADE,
        related_name="pupil_groups",
        verbose_name=_("class"),
    )
    name = models.CharField(_("name"), max_length=60)
    pupils = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="pupil_groups",
        verbose_name=_("pupils"),
    )

    class Meta:
        verbose_name = _("group of pupils")
        verbose_name_plural = _("groups of pupils")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["classroom", "name"], name="unique_group_name")
        ]

    def __str__(self):
        return self.name


class ClassroomUserObjectPermission(UserObjectPermissionBase):
    """Guardian's per-user permissions on class spaces, with a real foreign key."""

    content_object = models.ForeignKey(ClassroomPage, on_delete=models.CASCADE)


class ClassroomGroupObjectPermission(GroupObjectPermissionBase):
    """Guardian's per-group permissions on class spaces: where the roles' rights live."""

    content_object = models.ForeignKey(ClassroomPage, on_delete=models.CASCADE)
