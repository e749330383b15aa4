from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FederationConfig(AppConfig):
    """Signing in through an identity provider (EduConnect and académies by SAML 2.0,
    CAS, OpenID Connect), each switched on by configuration. Accounts are matched by the
    identifier the provider gives, stored here, never by name."""

    name = "federation"
    verbose_name = _("Sign-in through identity providers")

    def ready(self):
        # SAML providers (federation/saml/config.py), from PREAU_SAML_PROVIDERS.
        from .saml.config import register_providers

        register_providers()
        # django-cas-ng fills in its settings' defaults when first imported: at start-up,
        # not inside whatever request (or test's settings override) first uses it.
        import django_cas_ng  # noqa: F401
        from django.utils.functional import lazy

        from . import cas, oidc
        from .linking import register_linkable
        from .providers import Provider, register

        # CAS and OpenID Connect (federation/cas, federation/oidc): a button each on the
        # login page, and a way to link one's account, when the configuration has them.
        register(
            Provider(
                cas.provider_key(), lazy(cas.label, str)(), "federation:cas_login", cas.enabled
            )
        )
        register_linkable(cas.provider_key(), cas.label, "federation:cas_link", cas.enabled)
        register(
            Provider(
                oidc.provider_key(), lazy(oidc.label, str)(), "federation:oidc_login", oidc.enabled
            )
        )
        register_linkable(oidc.provider_key(), oidc.label, "federation:oidc_link", oidc.enabled)
