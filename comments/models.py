"""Constructive comments on class work, extending django-comments-xtd by subclassing."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment, XtdCommentManager


class ClassCommentManager(XtdCommentManager):
    def for_object(self, obj):
        """Published comments on one object, in reading order, one level of replies."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_pk=str(obj.pk),
            is_public=True,
            is_removed=False,
        ).order_by("thread_id", "order")


class ClassComment(XtdComment):
    """A comment guided by three prompts: what I liked, what I suggest, what I wonder.

    Personal data: the author (often a child) and their words. Kept with the entry it
    comments on; erased with it or with the author's account.
    """

    liked = models.TextField(_("I liked…"), blank=True)
    suggestion = models.TextField(_("I suggest…"), blank=True)
    wondering = models.TextField(_("I wonder…"), blank=True)

    objects = ClassCommentManager()

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
