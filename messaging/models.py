"""Conversations between the people of a school and its families.

Who may write to whom is not stored here: it is derived from the membership rows
(rules.py). These rows are what was written, to whom, and who read it.

Retention (personal data): messages, their files, read marks and reports are kept while
the conversation has a participant whose account is kept, and for the school year at
most. Erasing an account erases that person's messages, read marks and reports; the
last participant's erases the conversation, and a message's files leave the disk with
it (signal_handlers.py). Erasing the accounts of people who left the school and the
end-of-year purge are another issue's work: until then nothing is erased by date.
Nobody deletes another person's message: a report goes to the adults responsible instead.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Conversation(models.Model):
    """One thread between two or more people: a teacher and a pupil, a teacher and a
    pupil's two parents, a class.

    Personal data: its subject and who is in it. Kept while one of its participants'
    accounts is; see the module for when it is erased.
    """

    subject = models.CharField(_("subject"), max_length=120, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="started_conversations",
        verbose_name=_("started by"),
    )
    # Pupils writing to classmates without an adult: the teachers of this class read it
    # (the class charter says so to the pupils).
    supervised_class = models.ForeignKey(
        "classrooms.ClassroomPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pupil_conversations",
        verbose_name=_("class supervising it"),
    )
    # Whether a pupil is in it: then no e-mail ever carries what is written in it.
    with_pupils = models.BooleanField(_("with pupils"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_message_at = models.DateTimeField(_("last message at"), db_index=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self):
        return self.subject or f"#{self.pk}"


class Participant(models.Model):
    """A person in a conversation, and how far they have read it.

    Personal data: when the person read the conversation. Erased with the conversation
    or the person's account.
    """

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="conversation_places",
        verbose_name=_("person"),
    )
    read_until = models.DateTimeField(_("read until"), null=True, blank=True)
    # The conversation's last message not written by this person: unread when later
    # than read_until (kept here so that a person's list and counter are one query).
    news_at = models.DateTimeField(_("last message from the others"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="unique_participant")
        ]
        indexes = [models.Index(fields=["user", "news_at"], name="participant_news")]

    def __str__(self):
        return f"{self.user} · {self.conversation}"

    @property
    def unread(self):
        return self.news_at is not None and (
            self.read_until is None or self.news_at > self.read_until
        )


class Message(models.Model):
    """What one person wrote, recorded or attached in a conversation.

    Personal data: its author, text and files. See the module for how long it is kept.
    """

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="messages_written",
        verbose_name=_("author"),
    )
    body = models.TextField(_("text"), blank=True)  # sanitised like the blog's text
    reply_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    # Written once to several families (one conversation each): counted once against
    # the writer's rate limit.
    batch = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} · {self.created_at:%Y-%m-%d %H:%M}"


def attachment_path(instance, filename):
    """Files of messages live apart from the class collections: only messaging's own
    view serves them (views_conversation.attachment_file), never the media URL."""
    return f"messages/{uuid.uuid4().hex}/{filename}"


class Attachment(models.Model):
    """A photo (stripped of its metadata), a document, a voice or a video message.

    Personal data: a child's voice or face may be in it. Erased with its message.
    """

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        DOCUMENT = "document", _("Document")
        AUDIO = "audio", _("Voice message")
        VIDEO = "video", _("Video message")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    name = models.CharField(_("name"), max_length=150)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"), default=0)
    duration = models.FloatField(_("length in seconds"), null=True, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


class Report(models.Model):
    """Someone found a message hurtful or out of place: the adults responsible are told.

    Personal data: who reported what and why. Kept until handled and for the school
    year; erased with the message.
    """

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="message_reports",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("why"), max_length=500, blank=True)
    handlers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="reports_to_handle", verbose_name=_("told")
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["message", "reported_by"], name="one_report_each")
        ]

    def __str__(self):
        return f"{self.reported_by} → {self.message}"


class ClassMessaging(models.Model):
    """A class's messaging rules: whether its pupils write to each other, its charter."""

    classroom = models.OneToOneField(
        "classrooms.ClassroomPage",
        on_delete=models.CASCADE,
        related_name="messaging",
        verbose_name=_("class"),
    )
    pupils_write_to_classmates = models.BooleanField(
        _("pupils may write to their classmates"), default=False
    )
    charter = models.TextField(_("class charter"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("class messaging rules")
        verbose_name_plural = _("classes' messaging rules")

    def __str__(self):
        return str(self.classroom)


class OpenToParents(models.Model):
    """A member of a school's staff the director lets families write to (besides the
    teachers and the director): the school's nurse, a special-needs teacher..."""

    school = models.ForeignKey(
        "pages.SchoolPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("school")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )

    class Meta:
        verbose_name = _("staff member families may write to")
        verbose_name_plural = _("staff members families may write to")
        constraints = [
            models.UniqueConstraint(fields=["school", "user"], name="unique_open_to_parents")
        ]

    def __str__(self):
        return f"{self.user} · {self.school}"
