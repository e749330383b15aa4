"""Finding what a library address names, for a person who may read it; 404 otherwise.

Every view of the library starts here, so that a person outside learns nothing, not
even that a resource exists. Anonymous visitors are sent to log in first (the views'
login_required), like everywhere on the portal."""

from django.http import Http404

from . import rules
from .models import Resource


def library_or_404(user) -> None:
    if not rules.may_use_library(user):
        raise Http404


def resource_or_404(user, resource_id):
    library_or_404(user)
    resource = (
        rules.readable(user).filter(pk=resource_id).select_related("school", "author").first()
    )
    if resource is None:
        raise Http404
    return resource


def own_resource_or_404(user, resource_id):
    resource = resource_or_404(user, resource_id)
    if not rules.may_edit(user, resource):
        raise Http404
    return resource


__all__ = ["Resource", "library_or_404", "own_resource_or_404", "resource_or_404"]
