"""The record that a school was rolled over to a year: done once, never twice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Rollover(models.Model):
    """A school went from `from_year` to `to_year` on `done_at`, by `done_by`.

    Its unique constraint is what refuses a second rollover to the same year, even from
    two tabs at once. Personal data: who did it (kept while the school is).
    """

    school = models.ForeignKey(
        "pages.SchoolPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("school")
    )
    from_year = models.CharField(_("from the school year"), max_length=9)
    to_year = models.CharField(_("to the school year"), max_length=9)
    done_at = models.DateTimeField(_("done at"), auto_now_add=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )

    class Meta:
        verbose_name = _("year rollover")
        verbose_name_plural = _("year rollovers")
        constraints = [
            models.UniqueConstraint(fields=["school", "to_year"], name="one_rollover_per_year")
        ]

    def __str__(self):
        return f"{self.school_id}: {self.from_year} → {self.to_year}"
