"""A story written in turn by the classes of a shared space (issue 21, "Chroniques
imaginaires"): its opening, then chapters, each written together by one class.

The turn order is the space's classes' (sharedspaces.SpaceClass.position); whose turn it
is comes from the published chapters (stories/turns.py), so nothing about turns is stored.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from classrooms.models import ClassroomPage
from sharedspaces.models import SharedSpace


class Story(models.Model):
    """The story of a shared space of the "story" activity: its premise and its rules."""

    space = models.OneToOneField(
        SharedSpace, on_delete=models.CASCADE, related_name="story", verbose_name=_("space")
    )
    opening = models.TextField(
        _("opening"),
        max_length=4000,
        help_text=_("The beginning of the story, that the first class continues."),
    )
    chapters_per_class = models.PositiveSmallIntegerField(
        _("chapters per turn"),
        default=1,
        help_text=_("How many chapters a class writes before the next class's turn."),
    )
    finished = models.BooleanField(_("finished"), default=False)

    class Meta:
        verbose_name = _("story in turn")
        verbose_name_plural = _("stories in turn")

    def __str__(self):
        return self.space.title


class Chapter(models.Model):
    """A chapter, written together by the pupils of one class and checked by its teacher.

    Personal data: the chapter's text and the pupils who wrote it (shown with their first
    name and class). Kept while the space lives, even when the class leaves (the story
    goes on with its chapters); erased with the space, and a pupil's name goes with their
    account.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being written")
        SUBMITTED = "submitted", _("Waiting for the teacher")
        PUBLISHED = "published", _("Published")
        RETURNED = "returned", _("Sent back to rework")

    story = models.ForeignKey(
        Story, on_delete=models.CASCADE, related_name="chapters", verbose_name=_("story")
    )
    classroom = models.ForeignKey(
        ClassroomPage,
        on_delete=models.SET_NULL,  # a deleted class's chapters stay in the story
        null=True,
        related_name="story_chapters",
        verbose_name=_("class"),
    )
    number = models.PositiveSmallIntegerField(_("number"), default=0)
    title = models.CharField(_("title"), max_length=120, blank=True)
    body = models.TextField(_("text"), max_length=12000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    review_note = models.TextField(_("teacher's note"), max_length=2000, blank=True)
    written_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    # Bumped on every save: a save from an older copy of the text is refused.
    version = models.PositiveIntegerField(_("version"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["number", "pk"]
        constraints = [
            # One shared draft per class turn.
            models.UniqueConstraint(
                fields=["story", "classroom"],
                condition=~Q(status="published"),
                name="one_draft_per_class_turn",
            ),
            models.UniqueConstraint(
                fields=["story", "number"],
                condition=Q(status="published"),
                name="unique_published_chapter_number",
            ),
        ]

    def __str__(self):
        return f"{self.story} · {self.number} · {self.classroom}"

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED
