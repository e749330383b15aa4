"""Where people find the carnet de liaison: "my spaces" and the class space (hooks of
classrooms/context_processors.py and classrooms/wall.py). Wagtail imports this module."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from classrooms.person import person_of
from pages import french

from . import rules


@hooks.register("preau_my_spaces_links")
def my_spaces_link(user, request):
    if rules.children_of(user) or rules.may_write_at_all(user):
        return [(reverse("liaison:index"), _("Home-school notebook"), "mail")]
    return []


@hooks.register("preau_class_links")
def class_links(classroom, user):
    """A parent: the carnet of each of their children in the class; its teachers and
    directors: "write a word" to the class's families."""
    links = []
    if not user.is_authenticated:
        return links
    for child in person_of(user).children_in(classroom):
        label = french.fill(_("Home-school notebook of %(name)s"), name=child.first_name)
        links.append((reverse("liaison:child", kwargs={"child_id": child.pk}), label, "mail"))
    if rules.may_write_to_class(user, classroom):
        url = reverse("liaison:new_class", kwargs={"classroom_id": classroom.pk})
        links.append((url, _("Write a word to families"), "mail"))
    return links
