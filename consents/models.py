"""What a pupil's family allows: a photo, their voice, a video, their full name, for the
school community and for the public; and the history of every change.

Personal data of a child and of the adults who answered. A missing answer is a "no"
(DESIGN.md: children's data private by default). The answers are kept while the pupil's
account exists and erased with it (cascade); the history of changes is kept as long as
the answers, so that the school can show who allowed what and when a publication was
covered (README "Consent", retention table), and erased with the pupil's account.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Medium(models.TextChoices):
    PHOTO = "photo", _("photos")
    VOICE = "voice", _("voice recordings")
    VIDEO = "video", _("videos")
    FULL_NAME = "full_name", _("full name")


class Audience(models.TextChoices):
    SCHOOL = "school", _("the school community")
    PUBLIC = "public", _("the public")


def field_name(medium, audience) -> str:
    """The PupilConsent field holding one answer: "photo_school", "voice_public"..."""
    return f"{medium}_{audience}"


FIELDS = [field_name(medium, audience) for medium in Medium.values for audience in Audience.values]


class PupilConsent(models.Model):
    """A pupil's family's answers, one yes/no per medium and audience (no row: all no).

    "The public" means anyone on the internet; "the school community" means the pupils,
    families and staff of the school. The rules (answers.allowed) read a public "yes"
    only together with the school's "yes": what is public is read by the school too.
    """

    pupil = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consent",
        verbose_name=_("pupil"),
    )
    photo_school = models.BooleanField(_("photos, school community"), default=False)
    photo_public = models.BooleanField(_("photos, public"), default=False)
    voice_school = models.BooleanField(_("voice, school community"), default=False)
    voice_public = models.BooleanField(_("voice, public"), default=False)
    video_school = models.BooleanField(_("videos, school community"), default=False)
    video_public = models.BooleanField(_("videos, public"), default=False)
    full_name_school = models.BooleanField(_("full name, school community"), default=False)
    full_name_public = models.BooleanField(_("full name, public"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("consent of a family")
        verbose_name_plural = _("consents of families")

    def __str__(self):
        return str(self.pupil)

    def answer(self, medium, audience) -> bool:
        return getattr(self, field_name(medium, audience))


class ConsentChange(models.Model):
    """One answer changed: who changed it, when, from what to what, and how (a parent on
    the portal, a member of staff recording a paper answer, the ONDE import, the
    migration from the single photo consent). `old` is None when there was no answer."""

    class Source(models.TextChoices):
        PARENT = "parent", _("by a parent on the portal")
        STAFF = "staff", _("paper answer recorded by the school")
        ONDE = "onde", _("ONDE import")
        INITIAL = "initial", _("former photo consent")

    pupil = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consent_changes",
        verbose_name=_("pupil"),
    )
    medium = models.CharField(_("medium"), max_length=10, choices=Medium.choices)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    old = models.BooleanField(_("before"), null=True)
    new = models.BooleanField(_("after"))
    source = models.CharField(_("how"), max_length=10, choices=Source.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    # The name at the time: the history still says who once their account is gone.
    changed_by_name = models.CharField(_("name of who changed it"), max_length=301, blank=True)
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("change of consent")
        verbose_name_plural = _("changes of consent")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["pupil", "-changed_at"], name="consent_change_pupil")]

    def __str__(self):
        return f"{self.pupil} {self.medium}/{self.audience}: {self.old} → {self.new}"
