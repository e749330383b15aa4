"""Constructive comments on class work, extending django-comments-xtd by subclassing.

A comment is published (is_public), waiting for a teacher (neither public nor removed)
or rejected (removed, with a reason its author reads). Partner classes, invited by a
teacher and accepted by the invited class's teacher, may read and comment on the
inviting class's blog.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_comments.models import Comment
from django_comments_xtd.models import XtdComment, XtdCommentManager

# Each prompt is short: a child writes a sentence, not an essay.
PROMPT_MAX_LENGTH = 500


class CommentStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Waiting for the teacher")
    REJECTED = "rejected", _("Not published")


class ClassCommentManager(XtdCommentManager):
    def on(self, obj):
        """Every comment on one object, whatever its state, in reading order."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)
        ).order_by("thread_id", "order")

    def for_object(self, obj):
        """Published comments on one object, in reading order, one level of replies."""
        return self.on(obj).filter(is_public=True, is_removed=False)


class ClassComment(XtdComment):
    """A comment guided by three prompts: what I liked, what I suggest, what I wonder.

    Personal data: the author (often a child), their words, and the moderation of them
    (who approved or rejected it, why). Kept with the entry it comments on; erased with
    it or with the author's account.
    """

    liked = models.TextField(_("I liked…"), blank=True, max_length=PROMPT_MAX_LENGTH)
    suggestion = models.TextField(_("I suggest…"), blank=True, max_length=PROMPT_MAX_LENGTH)
    wondering = models.TextField(_("I wonder…"), blank=True, max_length=PROMPT_MAX_LENGTH)
    rejection_reason = models.TextField(_("why it was not published"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    flagged_at = models.DateTimeField(_("reported at"), null=True, blank=True)
    led_to_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("led to the rewriting"),
        help_text=_("The version of the entry that answers this comment."),
    )

    objects = ClassCommentManager()

    def save(self, *args, **kwargs):
        """A new comment that answers nobody starts its own thread: saved in one INSERT
        per table and one UPDATE, where the library saves every table a second time and
        its pre_save handler looks for replies a new comment cannot have yet."""
        if self.pk is not None or self.parent_id:
            return super().save(*args, **kwargs)
        super(Comment, self).save(*args, **kwargs)
        self.parent_id = self.thread_id = self.pk
        XtdComment.norel_objects.filter(pk=self.pk).update(parent_id=self.pk, thread_id=self.pk)
        return None

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def prompts(self):
        """The filled prompts, in order, as (label, text) pairs for templates."""
        fields = (
            (_("I liked…"), self.liked),
            (_("I suggest…"), self.suggestion),
            (_("I wonder…"), self.wondering),
        )
        return [(label, text) for label, text in fields if text.strip()]

    @property
    def status(self):
        if self.is_removed:
            return CommentStatus.REJECTED
        return CommentStatus.PUBLISHED if self.is_public else CommentStatus.PENDING

    def get_status_display(self):
        return CommentStatus(self.status).label


class Partnership(models.Model):
    """A class invited to read and comment on another class's blog (seed 000).

    The host class's teacher invites, the guest class's teacher accepts; either may end
    it at any time, and then the guests' rights end with it (nothing is copied).
    """

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        ENDED = "ended", _("Ended")

    host = models.ForeignKey(
        "classrooms.ClassroomPage",
        on_delete=models.CASCADE,
        related_name="guest_partnerships",
        verbose_name=_("class that invites"),
    )
    guest = models.ForeignKey(
        "classrooms.ClassroomPage",
        on_delete=models.CASCADE,
        related_name="host_partnerships",
        verbose_name=_("invited class"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INVITED
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("partner class")
        verbose_name_plural = _("partner classes")
        constraints = [
            models.UniqueConstraint(fields=["host", "guest"], name="unique_partnership"),
            models.CheckConstraint(
                condition=~models.Q(host=models.F("guest")), name="partnership_between_two"
            ),
        ]

    def __str__(self):
        return f"{self.host} → {self.guest}"
