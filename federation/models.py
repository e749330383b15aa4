"""Which account an identity provider's person is."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExternalIdentity(models.Model):
    """The identifier an identity provider gives a person (SAML NameID or attribute, CAS
    user, OIDC `sub`), linked to their Préau account.

    Accounts are matched by this pair only, never by a name or an e-mail address the
    provider sends: two people may share a name, and an address says nothing about who
    holds it. Personal data: an identifier of the person at their provider. Deleted with
    the account.
    """

    provider = models.CharField(
        _("identity provider"),
        max_length=40,
        help_text=_("The provider's name in the configuration, e.g. “educonnect”."),
    )
    subject = models.CharField(_("identifier at the provider"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="external_identities",
        verbose_name=_("account"),
    )
    created_at = models.DateTimeField(_("linked at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("external identity")
        verbose_name_plural = _("external identities")
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="unique_external_identity")
        ]

    def __str__(self):
        return f"{self.provider}:{self.subject} → {self.user}"
