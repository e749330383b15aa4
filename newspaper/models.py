"""A class newspaper written by the pupils of the classes of a shared space.

Pupils (alone, in a group of classmates, or with their teacher "collectively") write
articles; a teacher of the article's class approves them or sends them back with a note;
the space's teachers assemble approved articles into numbered issues, each published for
an audience (members, families, schools, public). Personal data: what pupils wrote, their
photos and voices, signed with their first name and class; erased with the space.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from classrooms.models import ClassroomPage
from sharedspaces.models import SharedSpace


def media_path(instance, filename):
    """Files of articles live apart from the class collections: only newspaper's own
    view serves them (views.media_file), never the media URL."""
    return f"newspaper/{uuid.uuid4().hex}/{filename}"


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Sent back")

    space = models.ForeignKey(
        SharedSpace, on_delete=models.CASCADE, related_name="articles", verbose_name=_("space")
    )
    classroom = models.ForeignKey(
        ClassroomPage,
        on_delete=models.SET_NULL,  # a deleted class's articles stay in the issues
        null=True,
        related_name="+",
        verbose_name=_("class"),
        help_text=_("The class it is written in."),
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="newspaper_articles", verbose_name=_("authors")
    )
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("text"), max_length=8000)
    section = models.CharField(_("section"), max_length=60, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    review_note = models.TextField(_("note from the teacher"), blank=True, max_length=2000)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("newspaper article")
        verbose_name_plural = _("newspaper articles")
        ordering = ["-updated_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class ArticleMedia(models.Model):
    """A photo (re-encoded without EXIF or GPS) or a voice recording of an article."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        AUDIO = "audio", _("Recording")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="media", verbose_name=_("article")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=media_path, max_length=300)
    name = models.CharField(_("name"), max_length=150)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"), default=0)
    duration = models.FloatField(_("duration"), null=True, blank=True)

    class Meta:
        verbose_name = _("file of an article")
        verbose_name_plural = _("files of articles")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Issue(models.Model):
    class Audience(models.TextChoices):
        MEMBERS = "members", _("The classes of the space")
        FAMILIES = "families", _("The classes and their families")
        SCHOOLS = "schools", _("The schools of the classes")
        PUBLIC = "public", _("Everyone (public)")

    space = models.ForeignKey(
        SharedSpace, on_delete=models.CASCADE, related_name="issues", verbose_name=_("space")
    )
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=120, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    audience = models.CharField(
        _("readers"), max_length=10, choices=Audience.choices, default=Audience.FAMILIES
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    articles = models.ManyToManyField(Article, through="IssueArticle", related_name="issues")

    class Meta:
        verbose_name = _("newspaper issue")
        verbose_name_plural = _("newspaper issues")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["space", "number"], name="unique_issue_number")
        ]

    def __str__(self):
        return f"N° {self.number} {self.title}".strip()


class IssueArticle(models.Model):
    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, related_name="placements", verbose_name=_("issue")
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="placements", verbose_name=_("article")
    )
    section = models.CharField(_("section"), max_length=60, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("article of an issue")
        verbose_name_plural = _("articles of issues")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "article"], name="unique_issue_article")
        ]

    def __str__(self):
        return f"{self.issue} · {self.article}"
