"""What the school knows about a pupil beyond their account: the data of the ONDE file.

Accounts, memberships and family links live in accounts/ and classrooms/; this app only
adds the few facts that the school's ONDE export carries and that Préau needs.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from classrooms.models import Level


class PupilRecord(models.Model):
    """A pupil's enrolment facts: birth date and level.

    Personal data of a child. The birth date is kept only to recognise the same pupil
    when the school imports its ONDE file again (same last name, first name and birth
    date = same pupil), so that a re-import never creates a second account; it is never
    shown outside the class management pages. The level says where the pupil is when a
    class mixes two levels. What the family allows (photos, voice, video, full name) is
    consents.PupilConsent: the ONDE "Autorisation photo" column seeds its photo answers.
    Kept while the pupil is enrolled in the school; erased with
    the pupil's account (cascade) when the school purges the accounts of pupils who left.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pupil_record",
        verbose_name=_("pupil"),
    )
    school = models.ForeignKey(
        "pages.SchoolPage",
        on_delete=models.CASCADE,
        related_name="pupil_records",
        verbose_name=_("school"),
        help_text=_("The school that enrolled the pupil and recognises them on re-import."),
    )
    birth_date = models.DateField(_("birth date"))
    level = models.CharField(_("level"), max_length=3, choices=Level.choices, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("pupil record")
        verbose_name_plural = _("pupil records")
        indexes = [models.Index(fields=["school", "birth_date"], name="pupil_record_identity")]

    def __str__(self):
        return str(self.user)


class ParentLinkRequest(models.Model):
    """A director's proposal that an existing account follow a pupil, until its holder answers.

    An e-mail address typed by staff or read from an ONDE file says nothing about who
    holds the account that uses it; linking that account to a pupil would let the
    class's staff give it a new password and read as its holder. So the link waits for
    the holder's "yes" on their own page (views.link_requests); a "no" is kept, so that
    the next import makes a separate account instead of asking again. Staff see the name
    they typed (`typed_name`), never the holder's own: that would tell them who holds
    any address they care to type. Personal data: a presumed family link between two
    people, the parent's name as the school knows it, and who proposed it. Deleted when
    accepted (the Guardianship it becomes is the record), erased with either account.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        DECLINED = "declined", _("declined")

    parent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="link_requests",
        verbose_name=_("account holder"),
    )
    child = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="link_requests_as_child",
        verbose_name=_("pupil"),
    )
    school = models.ForeignKey(
        "pages.SchoolPage",
        on_delete=models.CASCADE,
        related_name="link_requests",
        verbose_name=_("school"),
        help_text=_("The school that asks: the holder sees its name."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    typed_name = models.CharField(
        _("name typed by the school"),
        max_length=301,  # a first and a last name of accounts, with a space
        blank=True,
        help_text=_("The parent's name as the school typed it or read it from the ONDE file."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("request to link a parent")
        verbose_name_plural = _("requests to link a parent")
        constraints = [
            models.UniqueConstraint(fields=["parent", "child"], name="unique_link_request")
        ]

    def __str__(self):
        return f"{self.parent} → {self.child}"

    def name_for_staff(self) -> str:
        """Who staff are waiting for: the name they typed (the address, for requests made
        before it was kept), never the account holder's own."""
        return self.typed_name or self.parent.email
