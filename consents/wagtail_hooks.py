"""Where parents find their children's answers: "my spaces" and the class space (hooks of
classrooms/context_processors.py and classrooms/wall.py). Wagtail imports this module."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from pages import french

from . import access


def _link(pupil_id, first_name):
    label = french.fill(_("Photos, voice and name of %(name)s: your answers"), name=first_name)
    return (reverse("consents:child", kwargs={"pupil_id": pupil_id}), label, "child")


@hooks.register("preau_my_spaces_links")
def my_spaces_links(user, request):
    return [_link(pk, name) for pk, name in access.children(user)]


@hooks.register("preau_class_links")
def class_links(classroom, user):
    return [_link(pk, name) for pk, name in access.children_in(user, classroom)]
