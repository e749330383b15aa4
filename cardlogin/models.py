"""Secrets that log a child in without typing: a card's token, a class tablet's link and
a picture password.

Only hashes are stored. A card's token and a tablet link are long random strings, so a
fast SHA-256 is enough to keep them out of a database dump; a picture password is a
short sequence of pictures, hashed slowly like any password (make_password).
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def hash_secret(token: str) -> str:
    """What is stored of a secret (32 random bytes, URL-safe): its SHA-256."""
    return hashlib.sha256(token.encode()).hexdigest()


class SecretQuerySet(models.QuerySet):
    def live(self):
        return self.filter(revoked_at__isnull=True)

    def of_token(self, token: str):
        """The live secret whose hash this token has (none for an absurd token)."""
        if not token or len(token) > 100:
            return self.none()
        return self.live().filter(token_hash=hash_secret(token))

    def revoke(self) -> int:
        """Revoke the live secrets of this queryset; returns how many were live."""
        return self.live().update(revoked_at=timezone.now())


class RevocableSecret(models.Model):
    """A secret shown once (a printed card, a link on the teacher's screen) and kept only
    as its SHA-256; revoked rather than deleted, so that when it stopped working is known."""

    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = SecretQuerySet.as_manager()

    class Meta:
        abstract = True


class LoginCardToken(RevocableSecret):
    """The secret in the QR code of a pupil's printed login card.

    A new card replaces the previous one (its token is revoked); the teacher can revoke
    a lost card. Personal data: whose card it is, who printed it and when it was used.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="login_card_tokens",
        verbose_name=_("pupil"),
    )
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("login card token")
        verbose_name_plural = _("login card tokens")
        indexes = [models.Index(fields=["user", "revoked_at"], name="card_token_user_live")]

    def __str__(self):
        return f"{self.user_id} · {self.created_at:%Y-%m-%d}"


class ClassTabletLink(RevocableSecret):
    """The secret address a teacher opens on the class's tablet: its pupils' names, each
    leading to their picture password. Revocable; a new link replaces the previous one."""

    classroom = models.ForeignKey(
        "classrooms.ClassroomPage",
        on_delete=models.CASCADE,
        related_name="tablet_links",
        verbose_name=_("class"),
    )

    class Meta:
        verbose_name = _("class tablet link")
        verbose_name_plural = _("class tablet links")

    def __str__(self):
        return f"{self.classroom_id} · {self.created_at:%Y-%m-%d}"


class PicturePassword(models.Model):
    """A pupil's sequence of pictures, hashed: set by the teacher, printed once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="picture_password",
        verbose_name=_("pupil"),
    )
    password_hash = models.CharField(_("picture password hash"), max_length=256)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    created_at = models.DateTimeField(_("set at"), auto_now=True)

    class Meta:
        verbose_name = _("picture password")
        verbose_name_plural = _("picture passwords")

    def __str__(self):
        return str(self.user_id)
