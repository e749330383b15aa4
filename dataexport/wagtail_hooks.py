"""Where people find their data: links on "my spaces" (the `preau_my_spaces_links` hook
of classrooms/context_processors.py). Wagtail imports this module."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from accounts.people import is_active_person
from classrooms.person import person_of
from pages import french


@hooks.register("preau_my_spaces_links")
def my_data_links(user, request):
    """« Télécharger mes données », and for a parent one link per child (« … d’Adam »)."""
    if not is_active_person(user):
        return []
    links = [(reverse("dataexport:mine"), _("Download my data"), "lock")]
    children = sorted(person_of(user).children.values(), key=lambda c: (c.first_name, c.pk))
    for child in children:
        label = french.fill(_("Download the data of %(name)s"), name=child.first_name)
        links.append((reverse("dataexport:person", kwargs={"user_id": child.pk}), label, "lock"))
    return links
