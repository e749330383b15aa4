"""The reading club of a shared space (activity "reading_club"): topics about a book or a
question, the replies the member classes' pupils post, the picture stickers children give
instead of scores, and the shelf of the books each class read.

A pupil's topic or reply waits for a teacher of *that pupil's* class before anyone else
sees it (forum/rules.py), like a blog comment. Each contribution keeps the class it was
written in and its author's first name: when a class leaves the space, what its pupils
wrote stays, signed, while they lose access.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from classrooms.models import ClassroomPage
from sharedspaces.models import SharedSpace

TEXT_MAX_LENGTH = 3000
TITLE_MAX_LENGTH = 150


class Status(models.TextChoices):
    PENDING = "pending", _("Waits for the teacher")
    PUBLISHED = "published", _("Published")
    REFUSED = "refused", _("Sent back")
    HIDDEN = "hidden", _("Hidden by a teacher")


def forum_file_path(instance, filename):
    """Files of the club live apart from the class collections: only forum's own views
    serve them (views_files.py), never the media URL."""
    return f"forum/{uuid.uuid4().hex}/{filename}"


class Topic(models.Model):
    """A book the club talks about, or a question put to it. Personal data: who opened it
    (first name kept for the signature); erased with the space."""

    class Kind(models.TextChoices):
        BOOK = "book", _("A book")
        QUESTION = "question", _("A question")

    space = models.ForeignKey(
        SharedSpace, on_delete=models.CASCADE, related_name="topics", verbose_name=_("space")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.BOOK)
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    book_author = models.CharField(_("author of the book"), max_length=120, blank=True)
    text = models.TextField(_("text"), max_length=TEXT_MAX_LENGTH, blank=True)
    cover = models.FileField(_("cover"), upload_to=forum_file_path, max_length=300, blank=True)
    classroom = models.ForeignKey(
        ClassroomPage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("class"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    author_name = models.CharField(_("signed"), max_length=150)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    pinned = models.BooleanField(_("pinned"), default=False)
    closed = models.BooleanField(_("closed"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_post_at = models.DateTimeField(_("last reply"), null=True, blank=True)

    class Meta:
        verbose_name = _("reading club topic")
        verbose_name_plural = _("reading club topics")
        ordering = ["-pinned", "-last_post_at", "-created_at"]

    def __str__(self):
        return self.title


class Post(models.Model):
    """A reply in a topic: text, a voice recording and/or a picture, possibly quoting one
    earlier reply (one level: a quote of a quote shows only the quoted words)."""

    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="posts", verbose_name=_("topic")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    author_name = models.CharField(_("signed"), max_length=150)
    classroom = models.ForeignKey(
        ClassroomPage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("class"),
    )
    text = models.TextField(_("text"), max_length=TEXT_MAX_LENGTH, blank=True)
    quote = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("quotes"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    review_note = models.CharField(_("note to the author"), max_length=300, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reading club reply")
        verbose_name_plural = _("reading club replies")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["topic", "status"], name="forum_post_topic_status")]

    def __str__(self):
        return f"{self.author_name} · {self.topic}"


class PostFile(models.Model):
    """A picture (re-encoded without EXIF or GPS) or a voice recording of a reply."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Picture")
        AUDIO = "audio", _("Recording")

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="files", verbose_name=_("reply")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=forum_file_path, max_length=300)
    name = models.CharField(_("name"), max_length=150)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"), default=0)

    class Meta:
        verbose_name = _("file of a reply")
        verbose_name_plural = _("files of replies")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Sticker(models.Model):
    """A picture a reader sticks on a reply ("I liked it too"): no score, no ranking."""

    class Kind(models.TextChoices):
        LOVED = "loved", _("I loved it too")
        FUNNY = "funny", _("It made me laugh")
        SCARY = "scary", _("It scared me")
        IDEA = "idea", _("Good idea")
        WANT = "want", _("I want to read it")

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="stickers", verbose_name=_("reply")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("sticker"), max_length=10, choices=Kind.choices)

    class Meta:
        verbose_name = _("sticker")
        verbose_name_plural = _("stickers")
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="unique_forum_sticker")
        ]

    def __str__(self):
        return self.kind


class Reading(models.Model):
    """A class read this book: the club's shelf shows each book with its classes."""

    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="readings", verbose_name=_("book")
    )
    classroom = models.ForeignKey(
        ClassroomPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("class")
    )

    class Meta:
        verbose_name = _("book read by a class")
        verbose_name_plural = _("books read by classes")
        constraints = [
            models.UniqueConstraint(fields=["topic", "classroom"], name="unique_forum_reading")
        ]

    def __str__(self):
        return f"{self.topic} · {self.classroom}"
