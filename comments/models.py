"""Constructive comments on class work, extending django-comments-xtd by subclassing."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment


class ClassComment(XtdComment):
    """A comment guided by three prompts: what I liked, what I suggest, what I wonder.

    Personal data: the author (often a child) and their words. Kept with the entry it
    comments on; erased with it or with the author's account.
    """

    liked = models.TextField(_("I liked…"), blank=True)
    suggestion = models.TextField(_("I suggest…"), blank=True)
    wondering = models.TextField(_("I wonder…"), blank=True)

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
