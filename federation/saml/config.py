"""The SAML identity providers the configuration switches on, and the pysaml2
configuration of Préau as a service provider (SP) for each of them.

settings.PREAU_SAML_PROVIDERS (from the environment variable of the same name, JSON) is
a list with one object per provider:

    {"key": "educonnect", "label": "EduConnect",
     "idp_metadata": "/etc/preau/educonnect-idp.xml",   (a file, or an https:// address)
     "sp_entity_id": "https://ent.example.fr/connexion/saml/educonnect/metadata/",
     "sp_key": "/etc/preau/saml-sp.key", "sp_cert": "/etc/preau/saml-sp.crt",
     "identifier": "NameID"}                            (or an attribute, e.g. "FrEduCtId")

Only `key`, `label` and `idp_metadata` are required. A provider that is not listed is
not offered on the login page and its addresses answer 404 (views.py).
"""

import shutil
from dataclasses import dataclass

import saml2
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.urls import reverse
from django.utils import translation
from saml2.config import SPConfig
from saml2.saml import NAMEID_FORMAT_PERSISTENT

from .. import providers

NAME_ID = "NameID"


@dataclass(frozen=True)
class SamlProvider:
    key: str  # ExternalIdentity.provider
    label: str
    idp_metadata: str
    sp_entity_id: str = ""
    sp_key: str = ""
    sp_cert: str = ""
    identifier: str = NAME_ID

    def subject_of(self, session_info) -> str:
        """The person's stable identifier in a verified assertion: the NameID (persistent
        and pseudonymous at EduConnect), or the attribute the configuration names."""
        if self.identifier == NAME_ID:
            name_id = session_info.get("name_id")
            return (getattr(name_id, "text", "") or "").strip()
        values = session_info.get("ava", {}).get(self.identifier) or [""]
        return str(values[0]).strip()


def configured() -> dict[str, SamlProvider]:
    """The providers of settings.PREAU_SAML_PROVIDERS, by key; a mistake stops the start."""
    result = {}
    for entry in getattr(settings, "PREAU_SAML_PROVIDERS", None) or []:
        try:
            provider = SamlProvider(**entry)
        except TypeError as error:
            raise ImproperlyConfigured(f"PREAU_SAML_PROVIDERS: {error} in {entry!r}") from error
        if not provider.key or not provider.label or not provider.idp_metadata:
            raise ImproperlyConfigured(
                f"PREAU_SAML_PROVIDERS: key, label and idp_metadata are required in {entry!r}"
            )
        if bool(provider.sp_key) != bool(provider.sp_cert):
            raise ImproperlyConfigured(
                f"PREAU_SAML_PROVIDERS: sp_key and sp_cert go together in {entry!r}"
            )
        result[provider.key] = provider
    return result


def provider_or_none(key: str) -> SamlProvider | None:
    return configured().get(key)


def _absolute(request, url_name, key):
    # The addresses the IdP knows are the French (unprefixed) ones, whatever the language.
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(reverse(url_name, args=[key]))


def sp_config(provider: SamlProvider, request) -> SPConfig:
    """pysaml2's configuration of Préau towards `provider`: signed assertions required,
    no unsolicited (IdP-initiated) response, persistent NameID asked for."""
    if provider.idp_metadata.startswith(("https://", "http://")):
        metadata = {"remote": [{"url": provider.idp_metadata}]}
    else:
        metadata = {"local": [provider.idp_metadata]}
    acs = _absolute(request, "federation:saml_acs", provider.key)
    config = {
        "entityid": provider.sp_entity_id
        or _absolute(request, "federation:saml_metadata", provider.key),
        "xmlsec_binary": shutil.which("xmlsec1"),
        "metadata": metadata,
        "allow_unknown_attributes": True,
        "service": {
            "sp": {
                "name": str(provider.label),
                "endpoints": {"assertion_consumer_service": [(acs, saml2.BINDING_HTTP_POST)]},
                "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                "allow_unsolicited": False,
                "want_assertions_signed": True,
                "want_response_signed": False,
                "authn_requests_signed": bool(provider.sp_key),
                "only_use_keys_in_metadata": True,
            }
        },
    }
    if provider.sp_key:
        config["key_file"] = provider.sp_key
        config["cert_file"] = provider.sp_cert
        # EduConnect encrypts its assertions to the SP's certificate.
        config["encryption_keypairs"] = [
            {"key_file": provider.sp_key, "cert_file": provider.sp_cert}
        ]
    conf = SPConfig()
    conf.load(config)
    return conf


def register_providers(**_kwargs) -> None:
    """Puts each configured provider on the login page (federation.providers) and on
    the "linked accounts" page (federation.linking)."""
    from ..linking import register_linkable

    for provider in configured().values():
        providers.register(
            providers.Provider(
                key=provider.key,
                label=provider.label,
                url_name="federation:saml_login",
                enabled=lambda key=provider.key: key in configured(),
                url_args=(provider.key,),
            )
        )
        register_linkable(
            provider.key,
            lambda label=provider.label: str(label),
            "federation:saml_link",
            lambda key=provider.key: key in configured(),
            url_args=(provider.key,),
        )


def _on_setting_changed(setting, **kwargs):
    # Tests switch providers on and off with override_settings.
    if setting == "PREAU_SAML_PROVIDERS":
        register_providers()


setting_changed.connect(_on_setting_changed)
