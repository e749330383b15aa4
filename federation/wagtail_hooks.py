from wagtail import hooks

from .providers import sign_in_choices
from .saml import hooks as saml_hooks  # noqa: F401  (registers the SAML part's hooks)

hooks.register("preau_sign_in_choices", sign_in_choices)
