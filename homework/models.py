"""The homework diary ("cahier de textes") of a class: what was done in class each day,
and what is due later, for the whole class, a group or chosen pupils.

- `HomeworkDiaryPage` is the class activity (classrooms/activities.py): one per class, the
  page pupils, parents and staff open. Its content is not pages: a class writes about
  180 sessions a year and a portal holds 3,000 classes, so sessions and items are rows.
- A `Session` is one class day: a title, a text (plain, its web addresses made links),
  files (`SessionFile`, private to the class) and links to live pages of the class.
- A `HomeworkItem` is what is due on a later date, for its audience.
- An `ItemDone` is a pupil's tick: "I did it".

Personal data of children: which pupils an item is for (differentiated homework) and
their ticks. Shown to the pupil, their parents and the class's staff; kept with the
session and erased with it, with the class space, or with the pupil's account.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from classrooms.models import ClassActivityPage, ClassroomPage, PupilGroup

TITLE_MAX_LENGTH = 120
TEXT_MAX_LENGTH = 6000
ITEM_MAX_LENGTH = 1000


class HomeworkDiaryPage(ClassActivityPage):
    """The class's homework diary: the page everyone of the class reads it on.

    Created by the teacher's first session (views_session.py) or in the admin; what it
    shows to each person is built in diary.py from `Session` rows of its class."""

    max_count_per_parent = 1
    template = "homework/diary_page.html"

    class Meta:
        verbose_name = _("homework diary")
        verbose_name_plural = _("homework diaries")

    def get_context(self, request, *args, **kwargs):
        from .diary import diary_context

        context = super().get_context(request, *args, **kwargs)
        context.update(diary_context(request, self))
        return context


class Session(models.Model):
    """One day of class as the teacher tells it: what was done, with its materials.

    Not personal data of children (a class's lesson); its author is the teacher. Erased
    with the class space or by its teachers."""

    classroom = models.ForeignKey(
        ClassroomPage,
        on_delete=models.CASCADE,
        related_name="homework_sessions",
        verbose_name=_("class"),
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    text = models.TextField(_("what we did in class"), blank=True, max_length=TEXT_MAX_LENGTH)
    links = models.ManyToManyField(
        Page, blank=True, related_name="+", verbose_name=_("pages of the class")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when families were told of its homework: told once, never on later edits.
    announced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["classroom", "date"])]

    def __str__(self):
        return f"{self.date} · {self.title}"


def session_file_path(instance, filename):
    """Files of sessions live apart from the class collections: only the diary's own view
    serves them (views.session_file), never the media URL (classrooms/files.py)."""
    return f"homework/{uuid.uuid4().hex}/{filename}"


class SessionFile(models.Model):
    """A document or a photo (re-encoded without its metadata) given with a session.

    May show a child (a photo of the board with pupils): private to the class, erased
    with its session."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        DOCUMENT = "document", _("Document")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=session_file_path, max_length=300)
    name = models.CharField(_("name"), max_length=150)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"), default=0)

    class Meta:
        verbose_name = _("file of a session")
        verbose_name_plural = _("files of sessions")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Audience(models.TextChoices):
    CLASS = "class", _("The whole class")
    GROUP = "group", _("A group")
    PUPILS = "pupils", _("Chosen pupils")


class HomeworkItem(models.Model):
    """Work due on a date, for the whole class, one of its groups or chosen pupils.

    Personal data of children when it is for chosen pupils (who gets which work): shown
    to those pupils, their parents and the class's staff; erased with its session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="items")
    due_date = models.DateField(_("due on"))
    text = models.TextField(_("what to do"), max_length=ITEM_MAX_LENGTH)
    audience = models.CharField(
        _("for"), max_length=8, choices=Audience.choices, default=Audience.CLASS
    )
    group = models.ForeignKey(
        PupilGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="homework_items",
        verbose_name=_("group"),
    )
    pupils = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="homework_items",
        verbose_name=_("pupils"),
    )

    class Meta:
        verbose_name = _("homework")
        verbose_name_plural = _("homework")
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["due_date"])]

    def __str__(self):
        return f"{self.due_date} · {self.text[:40]}"


class ItemDone(models.Model):
    """A pupil ticked an item done.

    Personal data of a child (what they did, when): shown to them, their parents and the
    class's staff; erased with the item or the pupil's account."""

    item = models.ForeignKey(HomeworkItem, on_delete=models.CASCADE, related_name="dones")
    pupil = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="homework_done"
    )
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("homework done")
        verbose_name_plural = _("homework done")
        constraints = [
            models.UniqueConstraint(fields=["item", "pupil"], name="unique_homework_done")
        ]

    def __str__(self):
        return f"{self.pupil} · {self.item}"
