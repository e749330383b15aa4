"""Using a library resource in a class, keeping its attribution.

- An exercise template becomes a DRAFT exercise of the class (Wagtail's `Page.copy`,
  without the source class's groups and pupils), opening with an instruction that says
  where it comes from; the teacher reviews it before setting it.
- A writing template becomes a draft writing assignment the same way, the attribution
  first in its instructions.
- A document, recording, image set or link becomes a `ClassResourcePage` of the class,
  published on its wall with its attribution.
Every use is recorded (`ResourceUse`) so the author sees how many classes use it.
"""

from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import override, pgettext

from pages import french

from .models import ClassResourcePage, ResourceUse
from .taxonomy import Kind


def by_author(name: str) -> str:
    """ "de Claire Durand", "d’Aurélie Petit": French elides "de" before a vowel."""
    if french.elides(name):
        return pgettext("before a vowel", "by %(name)s") % {"name": name}
    return _("by %(name)s") % {"name": name}


def attribution(resource) -> str:
    """« D’après “Les fractions” de Karim Benali, École Jean-Jaurès, licence CC BY »,
    in French: the class reads it, whatever language the teacher browses in."""
    with override("fr"):
        return _("After “%(title)s” %(by_author)s, %(school)s, licence %(licence)s") % {
            "title": resource.title,
            "by_author": by_author(resource.author_name),
            "school": resource.school.title,
            "licence": resource.get_licence_display(),
        }


def _copy_template(resource, classroom, user):
    source = resource.source_page.specific
    copy = source.copy(
        to=classroom,
        update_attrs={
            "title": resource.title,
            "slug": classroom.free_slug(resource.title, "ressource"),
            "owner": user,
        },
        copy_revisions=False,
        keep_live=False,
        user=user,
        exclude_fields=["assigned_groups", "assigned_pupils"],
    ).specific
    words = attribution(resource)
    if resource.kind == Kind.EXERCISE:
        blocks = [("instruction", {"text": words, "audio": None})]
        blocks += [(child.block_type, child.value) for child in copy.body]
        copy.body = blocks
    else:
        copy.instructions = f"<p>{escape(words)}</p>{copy.instructions}"
        copy.due_on = None
    copy.save()
    copy.save_revision(user=user)
    return copy


def _class_resource(resource, classroom, user):
    page = ClassResourcePage(
        title=resource.title,
        slug=classroom.free_slug(resource.title, "ressource"),
        resource=resource,
        attribution=attribution(resource),
        owner=user,
    )
    classroom.add_child(instance=page)
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page


@transaction.atomic
def use_in_class(resource, classroom, user):
    """The new page of the class (a draft for templates), the use recorded."""
    if resource.kind in (Kind.EXERCISE, Kind.WRITING):
        page = _copy_template(resource, classroom, user)
    else:
        page = _class_resource(resource, classroom, user)
    ResourceUse.objects.create(resource=resource, classroom=classroom, page=page, user=user)
    return page
