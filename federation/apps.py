from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederationConfig(AppConfig):
    """Signing in through an identity provider (EduConnect and académies by SAML 2.0,
    CAS, OpenID Connect), each switched on by configuration. Accounts are matched by the
    identifier the provider gives, stored here, never by name."""

    name = "federation"
    verbose_name = _("Sign-in through identity providers")

    def ready(self):
        from .saml.config import register_providers

        register_providers()
