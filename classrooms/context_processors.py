"""Puts the user's spaces in every template, computed only if a template reads them."""

from django.utils.functional import SimpleLazyObject

from .spaces import spaces_for


def my_spaces(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"my_spaces": SimpleLazyObject(lambda: spaces_for(user, request))}
