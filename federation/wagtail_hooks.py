from wagtail import hooks

from .providers import sign_in_choices

hooks.register("preau_sign_in_choices", sign_in_choices)
