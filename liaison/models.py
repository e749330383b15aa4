"""Words to parents (carnet de liaison): what a teacher or a director writes to families,
the children it concerns, and each parent's acknowledgement and answer.

A word is written for a whole school (its director), a class, a group of pupils or chosen
pupils (their teachers, the director). The children it concerns are written down when
it is sent (`WordConcern`), so that the families it reached stay the same when a pupil
changes group or class later. Each parent acknowledges it once per child it concerns
(`Acknowledgement`), and answers its question if it has one: that row is the parent's
alone, no staff view ever writes it (rules.py, views_parent.py).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from classrooms.models import ClassroomPage, PupilGroup
from pages.models import SchoolPage

YES = "yes"
NO = "no"


class Word(models.Model):
    """A word from the school to families.

    Personal data: who wrote it, and when it is about chosen pupils, who they are (through
    its concerns). Kept for the school year of its class or school; erased with its school
    or class, and with its author's account only the author link goes (set to null).
    """

    class Audience(models.TextChoices):
        SCHOOL = "school", _("The whole school")
        CLASS = "class", _("The whole class")
        GROUP = "group", _("A group of the class")
        PUPILS = "pupils", _("Chosen pupils")

    class Question(models.TextChoices):
        NONE = "none", _("No question")
        YES_NO = "yes_no", _("Yes or no")
        CHOICE = "choice", _("A choice among options")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="words_written",
        verbose_name=_("author"),
    )
    school = models.ForeignKey(
        SchoolPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("school")
    )
    classroom = models.ForeignKey(
        ClassroomPage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("class"),
    )
    group = models.ForeignKey(
        PupilGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("group"),
    )
    audience = models.CharField(_("for"), max_length=10, choices=Audience.choices)
    title = models.CharField(_("title"), max_length=150)
    text = models.TextField(_("text"))
    question = models.CharField(
        _("question"), max_length=10, choices=Question.choices, default=Question.NONE
    )
    choices = models.JSONField(_("options"), default=list, blank=True)
    needs_answer = models.BooleanField(_("an answer is required"), default=False)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    reminded_at = models.DateTimeField(_("families last reminded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("word to parents")
        verbose_name_plural = _("words to parents")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def answer_options(self) -> list[tuple[str, str]]:
        """(value, label) of the answers a parent may give; none without a question."""
        if self.question == self.Question.YES_NO:
            return [(YES, str(_("Yes"))), (NO, str(_("No")))]
        if self.question == self.Question.CHOICE:
            return [(label, label) for label in self.choices]
        return []

    def answer_label(self, value) -> str:
        return dict(self.answer_options()).get(value, value)


def word_file_path(instance, filename):
    """Files of words live apart from the class collections: only liaison's own view
    serves them (views_files.word_file), never the media URL (classrooms.files)."""
    return f"liaison/{uuid.uuid4().hex}/{filename}"


class WordFile(models.Model):
    """A photo (re-encoded without EXIF or GPS) or a document sent with a word.

    Personal data: a photo may show children. Erased with its word; its file leaves
    MEDIA_ROOT with it (signal_handlers.py).
    """

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        DOCUMENT = "document", _("Document")

    word = models.ForeignKey(
        Word, on_delete=models.CASCADE, related_name="files", verbose_name=_("word")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=word_file_path, max_length=300)
    name = models.CharField(_("name"), max_length=150)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"), default=0)

    class Meta:
        verbose_name = _("file of a word")
        verbose_name_plural = _("files of words")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class WordConcern(models.Model):
    """A child a word concerns, written down when it is sent: the families it reaches.

    Personal data: links a child (and the class they were in) to a word. Erased with the
    word or the child's account.
    """

    word = models.ForeignKey(
        Word, on_delete=models.CASCADE, related_name="concerns", verbose_name=_("word")
    )
    child = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="word_concerns",
        verbose_name=_("child"),
    )
    classroom = models.ForeignKey(
        ClassroomPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("class")
    )

    class Meta:
        verbose_name = _("child concerned by a word")
        verbose_name_plural = _("children concerned by words")
        constraints = [
            models.UniqueConstraint(fields=["word", "child"], name="unique_word_concern")
        ]

    def __str__(self):
        return f"{self.word} → {self.child}"


class Acknowledgement(models.Model):
    """A parent's "J'ai pris connaissance" of a word for one of their children, and their
    answer to its question.

    Personal data: what a parent answered about their child (an outing permission, say).
    Written by that parent only, never by staff; the parent may change the answer, the
    acknowledgement's date stays. Erased with the word, the parent's or the child's account.
    """

    word = models.ForeignKey(
        Word, on_delete=models.CASCADE, related_name="acknowledgements", verbose_name=_("word")
    )
    child = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("child"),
    )
    parent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="word_acknowledgements",
        verbose_name=_("parent"),
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), auto_now_add=True)
    answer = models.CharField(_("answer"), max_length=80, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("acknowledgement of a word")
        verbose_name_plural = _("acknowledgements of words")
        constraints = [
            models.UniqueConstraint(
                fields=["word", "child", "parent"], name="unique_word_acknowledgement"
            )
        ]

    def __str__(self):
        return f"{self.parent} · {self.word} · {self.child}"
