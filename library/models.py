"""The shared resource library (issue 22): what teachers publish, what they use.

- A `Resource` is one thing a teacher shares with their school or the whole portal: a
  document, an audio or video file, an image set, a link, or one of their exercises or
  writing assignments as a template, always with the same metadata (taxonomy.py). It is
  indexed by Wagtail search (search.py) and read through rules.py only.
- A `ResourceFile` is one of its files, checked by content when uploaded (uploads.py)
  and served by views_files.py after the permission check; its shown and downloaded
  name is derived from the metadata (naming.py), never the uploaded one.
- A `ResourceUse` records that a teacher used a resource in a class (services.py), so
  its author sees how many classes use it.
- `ClassResourcePage` is the class activity a document, recording, image set or link
  becomes in a class: it shows the resource with its attribution to the class only.

Not personal data of children: resources are teachers' work. The author's name is kept
as written at publication (`author_name`), so attribution survives the account.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from classrooms.models import ClassActivityPage, ClassroomPage

from .taxonomy import Cycle, Domain, Kind, Licence, Scope, Subject

TITLE_MAX_LENGTH = 120
DESCRIPTION_MAX_LENGTH = 2000


class ResourceQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class Resource(index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    cycle = models.CharField(_("cycle"), max_length=1, choices=Cycle.choices)
    # The levels as ",CE1,CE2,": one column that filters with a LIKE on every database.
    levels = models.CharField(_("levels"), max_length=40)
    subject = models.CharField(_("subject"), max_length=30, choices=Subject.choices)
    domain = models.CharField(_("programme domain"), max_length=30, choices=Domain.choices)
    duration = models.PositiveSmallIntegerField(_("duration (minutes)"))
    licence = models.CharField(_("licence"), max_length=12, choices=Licence.choices)
    scope = models.CharField(_("shared with"), max_length=6, choices=Scope.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="library_resources",
        verbose_name=_("author"),
    )
    author_name = models.CharField(_("author's name"), max_length=150)
    school = models.ForeignKey(
        "pages.SchoolPage",
        on_delete=models.CASCADE,
        related_name="library_resources",
        verbose_name=_("school"),
    )
    url = models.URLField(_("web address"), blank=True, max_length=500)
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("exercise or writing assignment"),
    )
    created_at = models.DateTimeField(_("published on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    objects = ResourceQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        index.SearchField("search_stems"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("cycle"),
        index.FilterField("levels"),
        index.FilterField("subject"),
        index.FilterField("domain"),
        index.FilterField("duration"),
        index.FilterField("licence"),
        index.FilterField("scope"),
        index.FilterField("school"),
        index.FilterField("author"),
    ]

    class Meta:
        verbose_name = _("library resource")
        verbose_name_plural = _("library resources")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["scope", "school"])]

    def __str__(self):
        return self.title

    @property
    def level_list(self) -> list[str]:
        return [code for code in self.levels.split(",") if code]

    def search_stems(self) -> str:
        """Every word of the resource, its French labels included, lightly stemmed
        (search.py), so "fractions" finds "fraction" on SQLite as on PostgreSQL."""
        from .search import stem_text

        with override("fr"):
            words = [
                self.title,
                self.description,
                str(self.get_subject_display()),
                str(self.get_domain_display()),
                str(self.get_kind_display()),
                " ".join(self.level_list),
            ]
        return stem_text(" ".join(words))


def resource_file_path(instance, filename):
    return f"library/{instance.resource_id}/{filename}"


class ResourceFile(models.Model):
    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        PHOTO = "photo", _("Picture")
        AUDIO = "audio", _("Audio")
        VIDEO = "video", _("Video")

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=resource_file_path, max_length=300)
    extension = models.CharField(_("extension"), max_length=8)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"), default=0)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("file of a resource")
        verbose_name_plural = _("files of resources")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.file.name

    @property
    def name(self) -> str:
        """The derived name (naming.py), what the file is shown and downloaded as."""
        from .naming import file_name

        return file_name(self.resource, self)


class ResourceUse(models.Model):
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="uses")
    classroom = models.ForeignKey(
        ClassroomPage, on_delete=models.CASCADE, related_name="library_uses"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    used_at = models.DateTimeField(_("used on"), auto_now_add=True)

    class Meta:
        verbose_name = _("use of a resource")
        verbose_name_plural = _("uses of resources")
        ordering = ["-used_at"]

    def __str__(self):
        return f"{self.resource} · {self.classroom}"


class ClassResourcePage(ClassActivityPage):
    """A library resource in a class: shown with its attribution to the class's readers,
    its files served by views_files.class_file after the class's own check."""

    resource = models.ForeignKey(
        Resource,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="class_pages",
        verbose_name=_("resource"),
    )
    attribution = models.CharField(_("attribution"), max_length=400)

    template = "library/class_resource_page.html"

    class Meta:
        verbose_name = _("class resource")
        verbose_name_plural = _("class resources")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resource = self.resource
        context["resource"] = resource
        context["files"] = list(resource.files.all()) if resource else []
        return context
