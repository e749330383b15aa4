"""What Préau tells a person inside the portal: a badge in the header and a list.

A notification stores its kind and the few words it needs (titles, names), not a
sentence: it is written in the reader's language when they read it (kinds.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """Something that happened for one person: a comment to moderate, approved, answered.

    Personal data: whom it is for, and names and titles of class work. Kept with the
    person's account and erased with it (no purge of old notifications yet).
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=40)
    params = models.JSONField(_("details"), default=dict, blank=True)
    url = models.CharField(_("address"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return self.message

    @property
    def message(self):
        from .kinds import message_for

        return message_for(self)
