"""The accounts waiting for their deletion."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledDeletion(models.Model):
    """An account closed because its holder no longer has a place on the portal, and the
    day it will be deleted (README "Retention": 90 days by default).

    Personal data: that a person left, when and why. The row goes with the account when
    the purge deletes it, or when the person finds a place again (reactivation).
    """

    class Reason(models.TextChoices):
        LEFT_SCHOOL = "left_school", _("No longer enrolled in a class of the portal")
        NO_CHILD = "no_child", _("No child enrolled on the portal any more")
        NO_ROLE = "no_role", _("No longer on the staff of a school or municipality")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="scheduled_deletion",
        verbose_name=_("account"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    deactivated_at = models.DateTimeField(_("deactivated at"))
    delete_on = models.DateField(_("to be deleted on"), db_index=True)
    # The school whose director is told before the deletion and may reopen the account:
    # the school of the place the person lost (a parent's: their child's). Recorded at
    # closing, since the membership that said it may be gone.
    school = models.ForeignKey(
        "pages.SchoolPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("school"),
    )
    # When the school's directors were told of the coming deletion (retention/notices.py).
    notice_sent_at = models.DateTimeField(_("directors told at"), null=True, blank=True)

    class Meta:
        verbose_name = _("account to be deleted")
        verbose_name_plural = _("accounts to be deleted")
        ordering = ["delete_on", "user__last_name", "user__first_name"]

    def __str__(self):
        return f"{self.user} · {self.delete_on:%Y-%m-%d}"


class AnonymisedArchive(models.Model):
    """A class archive whose families' reading time is over and whose pupils' names were
    taken off what they wrote (README "Retention": the keepsake stays with the school,
    without the children). One row per archive, so that the purge does it once.

    Personal data: none (a class and a date)."""

    classroom = models.OneToOneField(
        "classrooms.ClassroomPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("class archive"),
    )
    anonymised_at = models.DateTimeField(_("anonymised at"))

    class Meta:
        verbose_name = _("anonymised class archive")
        verbose_name_plural = _("anonymised class archives")

    def __str__(self):
        return f"{self.classroom_id} · {self.anonymised_at:%Y-%m-%d}"
