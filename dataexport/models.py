"""The record of exports made by staff for a family."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportRecord(models.Model):
    """A pupil's data exported by a member of staff (a teacher of the class, a director),
    on a family's request: who did it, for whom and when, so the school can account for it.

    Exports a person makes of their own data, or a parent of their child's, are not
    recorded: they are the family's own reading. Personal data: links two people and a
    date. Erased with the pupil's account (the purge of the retention app deletes the pupil).
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="data_exports",
        verbose_name=_("whose data"),
    )
    # The record outlives the staff member's account (purged when they leave): their name
    # as it was is kept beside the link, as consents.ConsentChange does.
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="data_exports_made",
        verbose_name=_("made by"),
    )
    made_by_name = models.CharField(_("name of who made it"), max_length=301, blank=True)
    made_at = models.DateTimeField(_("made at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("export of personal data")
        verbose_name_plural = _("exports of personal data")
        ordering = ["-made_at"]

    def __str__(self):
        return f"{self.person} · {self.made_by_name} · {self.made_at:%Y-%m-%d %H:%M}"
