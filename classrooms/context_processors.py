"""Puts the user's spaces in every template, computed only if a template reads them.

Both come from what the person is (person.py), read once per request: the header's
spaces and whether to show the way into the Wagtail admin cost no query of their own.
"""

from django.utils.functional import SimpleLazyObject

from accounts.people import is_active_person

from .person import person_of
from .spaces import spaces_for, split_archives


def _may_access_admin(user):
    if not is_active_person(user):
        return False
    return user.is_superuser or person_of(user).may_access_admin


def _links(user, request):
    """Pages of other apps a person reaches from "my spaces" (the carnet de liaison...):
    each `preau_my_spaces_links` hook gives (url, label, icon), or nothing."""
    from wagtail import hooks

    links = hooks.get_hooks("preau_my_spaces_links")
    return [link for hook in links for link in hook(user, request)]


def my_spaces(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    spaces = SimpleLazyObject(lambda: spaces_for(user, request))
    return {
        "my_spaces": spaces,
        # "My spaces" lists the archives of previous years apart (schoolyear/).
        "my_space_years": SimpleLazyObject(lambda: split_archives(list(spaces), user)),
        "may_access_admin": SimpleLazyObject(lambda: _may_access_admin(user)),
        "my_links": SimpleLazyObject(lambda: _links(user, request)),
    }
