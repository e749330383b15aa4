"""Where teachers find the library: "my spaces" and their class space (hooks of
classrooms/context_processors.py and classrooms/wall.py). Wagtail imports this module."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import rules


@hooks.register("preau_my_spaces_links")
def my_spaces_link(user, request):
    if rules.may_use_library(user):
        return [(reverse("library:home"), _("Library"), "page")]
    return []


@hooks.register("preau_class_links")
def class_links(classroom, user):
    """The class's teachers (and the school's director): the shared library."""
    if user.is_authenticated and rules.may_use_in(user, classroom):
        return [(reverse("library:home"), _("Library"), "page")]
    return []
