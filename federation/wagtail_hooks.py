from wagtail import hooks

from .linking import linked_accounts_link
from .providers import sign_in_choices

hooks.register("preau_sign_in_choices", sign_in_choices)
hooks.register("preau_my_spaces_links", linked_accounts_link)
