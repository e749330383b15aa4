"""The SAML part's Wagtail hooks, loaded by federation/wagtail_hooks.py."""

from wagtail import hooks

from .views import my_spaces_links

hooks.register("preau_my_spaces_links", my_spaces_links)
