"""Spaces that several classes share: a reading club, a class newspaper, a story in turn.

A shared space belongs to no single class: a teacher (from one of their classes) or a
pedagogical adviser creates it, invites classes of any school of the portal, and each
invited class's teacher accepts or declines; either side may end a class's part
(`SpaceClass.Status.LEFT`). The space's members are the pupils and staff of its accepted
classes, and their parents as readers when the space says so (sharedspaces/rules.py).
What a space holds is one activity (forum/, newspaper/, stories/), registered through
sharedspaces/activities.py; this app never imports them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from classrooms.models import ClassroomPage
from pages.models import SchoolPage


class SharedSpace(models.Model):
    """A space shared by classes (personal data: who created it; kept while its classes
    use it, erased with it; the creator link goes with the creator's account)."""

    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("what it is for"), blank=True, max_length=2000)
    activity = models.CharField(_("activity"), max_length=30)
    parents_read = models.BooleanField(
        _("the pupils' parents may read it"),
        default=False,
        help_text=_("Parents read the space; they never write in it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("shared space")
        verbose_name_plural = _("shared spaces")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class SpaceClass(models.Model):
    """A class invited to a shared space, and what became of the invitation.

    The row stays when the class leaves: its pupils' past contributions keep the class
    they were written in, and its people simply stop being members.
    """

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Member")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left the space")

    space = models.ForeignKey(
        SharedSpace, on_delete=models.CASCADE, related_name="classes", verbose_name=_("space")
    )
    classroom = models.ForeignKey(
        ClassroomPage,
        on_delete=models.CASCADE,
        related_name="shared_space_places",
        verbose_name=_("class"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INVITED
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("The order of the classes, e.g. for a story in turn.")
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
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("class of a shared space")
        verbose_name_plural = _("classes of shared spaces")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["space", "classroom"], name="unique_space_class")
        ]

    def __str__(self):
        return f"{self.space} · {self.classroom} · {self.get_status_display()}"


class Adviser(models.Model):
    """A pedagogical adviser (conseiller pédagogique) of a circonscription, attached to
    several schools: creates shared spaces, invites their classes and runs them with the
    teachers. Personal data: links a person to schools; erased with the account, or when
    the portal administrator removes the attachment."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="adviser_places",
        verbose_name=_("person"),
    )
    school = models.ForeignKey(
        SchoolPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("school")
    )
    circonscription = models.CharField(_("circonscription"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("pedagogical adviser")
        verbose_name_plural = _("pedagogical advisers")
        constraints = [
            models.UniqueConstraint(fields=["user", "school"], name="unique_adviser_school")
        ]

    def __str__(self):
        return f"{self.user} · {self.school}"
