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

    class Meta:
        verbose_name = _("account to be deleted")
        verbose_name_plural = _("accounts to be deleted")
        ordering = ["delete_on", "user__last_name", "user__first_name"]

    def __str__(self):
        return f"{self.user} · {self.delete_on:%Y-%m-%d}"
