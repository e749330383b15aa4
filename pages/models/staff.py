"""Who runs each site: a school's directors and teachers, a municipality's agents.

These rows are personal data; saving or deleting one moves the person between role
groups (pages/signal_handlers.py, accounts/roles.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .sites import MunicipalityPage, SchoolPage


class SchoolStaff(models.Model):
    """A director or teacher of a school (personal data: links a person to a school)."""

    class Role(models.TextChoices):
        DIRECTOR = "director", _("Director")
        TEACHER = "teacher", _("Teacher")

    school = models.ForeignKey(
        SchoolPage, on_delete=models.CASCADE, related_name="staff", verbose_name=_("school")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="school_roles",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("school staff member")
        verbose_name_plural = _("school staff")
        constraints = [
            models.UniqueConstraint(fields=["school", "user", "role"], name="unique_school_role")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.school}"


class MunicipalityAgent(models.Model):
    """A member of the municipality's staff who edits its public site."""

    municipality = models.ForeignKey(
        MunicipalityPage,
        on_delete=models.CASCADE,
        related_name="agents",
        verbose_name=_("municipality"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="municipality_roles",
        verbose_name=_("person"),
    )

    class Meta:
        verbose_name = _("municipality agent")
        verbose_name_plural = _("municipality agents")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "user"], name="unique_municipality_agent"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.municipality}"
