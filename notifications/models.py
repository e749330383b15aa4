"""What Préau tells a person inside the portal: a badge in the header and a list.

A notification stores its kind and the few words it needs (titles, names), not a
sentence: it is written in the reader's language when they read it (kinds.py).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
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
    # A pupil is not told anything outside school hours (the right to disconnect,
    # quiet.py): until then the notification is neither counted nor listed.
    visible_from = models.DateTimeField(_("shown from"), default=timezone.now)
    # False when the person turned the bell off for this kind's group but still wants
    # the e-mail: the row exists for the e-mail and the digest only.
    in_bell = models.BooleanField(_("in the bell"), default=True)

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


class EmailChoice(models.TextChoices):
    IMMEDIATE = "immediate", _("At once, one e-mail each time")
    DAILY = "daily", _("Once a day, a summary")
    NEVER = "never", _("Never: I look in Préau")


class NotificationPreference(models.Model):
    """How one person wants to hear of one group of kinds (kinds.Group): in the bell or
    not, by e-mail at once, in the daily digest or never. Without a row: the bell, and an
    e-mail at once for an adult with an address.

    Personal data: a preference. Erased with the account."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("person"),
    )
    group = models.CharField(_("group"), max_length=40)
    in_app = models.BooleanField(_("in the bell"), default=True)
    email = models.CharField(
        _("e-mails"), max_length=10, choices=EmailChoice.choices, default=EmailChoice.IMMEDIATE
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "group"], name="unique_notification_preference")
        ]

    def __str__(self):
        return f"{self.user} · {self.group} · {self.email}"


class DigestRecord(models.Model):
    """Until when a person's daily digest has told them everything: running the digest
    twice never sends the same thing twice.

    Personal data: a date. Erased with the account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_record",
        verbose_name=_("person"),
    )
    sent_until = models.DateTimeField(_("sent until"))

    class Meta:
        verbose_name = _("daily digest record")
        verbose_name_plural = _("daily digest records")

    def __str__(self):
        return f"{self.user} · {self.sent_until:%Y-%m-%d %H:%M}"
