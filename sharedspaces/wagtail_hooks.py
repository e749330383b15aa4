"""Where people find shared spaces: "my spaces" and the class space (hooks of
classrooms/context_processors.py and classrooms/wall.py). Wagtail imports this module."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import rules
from .views import may_create


@hooks.register("preau_my_spaces_links")
def my_spaces_link(user, request):
    if rules.space_class_ids(user) or may_create(user):
        return [(reverse("sharedspaces:index"), _("Shared spaces"), "globe")]
    return []


@hooks.register("preau_class_links")
def class_links(classroom, user):
    """Members of the class and its parents: the spaces the class shares with others."""
    if not user.is_authenticated or classroom.pk not in rules.space_class_ids(user):
        return []
    return [(reverse("sharedspaces:index"), _("Shared spaces"), "globe")]


@hooks.register("register_admin_viewset")
def register_advisers():
    from .admin_views import AdviserViewSet

    return AdviserViewSet("advisers")
