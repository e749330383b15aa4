"""Who is seen or heard in a class's files, and the collections withheld for consent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Appearance(models.Model):
    """A pupil seen in a photo or heard in a recording of the class.

    Recorded by the class's editor when the file is added (the authors of a recording,
    the classmates ticked as visible in a photo), so that a staff member who makes an
    entry public is stopped where a family has not consented (visibility.py). Personal
    data: links a child to their picture or voice. Erased with the file or the pupil.
    """

    pupil = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="appearances",
        verbose_name=_("pupil"),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appearances",
        verbose_name=_("photo"),
    )
    media = models.ForeignKey(
        "wagtailmedia.Media",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appearances",
        verbose_name=_("recording"),
    )

    class Meta:
        verbose_name = _("appearance")
        verbose_name_plural = _("appearances")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image__isnull=False) ^ models.Q(media__isnull=False),
                name="appearance_in_one_file",
            ),
            models.UniqueConstraint(fields=["pupil", "image"], name="unique_photo_appearance"),
            models.UniqueConstraint(fields=["pupil", "media"], name="unique_voice_appearance"),
        ]

    def __str__(self):
        return str(self.pupil)


class WithheldCollection(models.Model):
    """The media collection where photos and recordings of a child in no class are kept
    once the family withdrew consent: served to superusers only (classrooms/files.py).

    A withdrawn consent moves the files outside class collections that show the child
    into the child's class collection, where the class's rule keeps them private whatever
    happens to the Appearance rows (consent.py); a child in no class has none, so their
    files come here. Below the root collection, where no school's groups have rights. One
    row, made on first use.
    """

    collection = models.OneToOneField(
        "wagtailcore.Collection",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("media collection"),
    )

    class Meta:
        verbose_name = _("collection of withheld files")
        verbose_name_plural = _("collections of withheld files")

    def __str__(self):
        return str(self.collection)


class ConsentFlag(models.Model):
    """An entry taken back from its readers because a family withdrew an answer
    (consent.py): its teachers see the reasons on the entry until they share it again.

    Personal data: names a child and what their family refused. Deleted when the entry
    is shared again by staff (views.entry_visibility) or deleted with the entry.
    """

    entry = models.ForeignKey(
        "classrooms.BlogEntryPage",
        on_delete=models.CASCADE,
        related_name="consent_flags",
        verbose_name=_("entry"),
    )
    reasons = models.TextField(_("reasons"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("entry taken back for consent")
        verbose_name_plural = _("entries taken back for consent")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.reasons[:80]
