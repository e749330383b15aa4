"""A page shows only the files of its own class: the rule every save of a page obeys.

A file in a class's collection belongs to that class: files.py serves it to the people
who may see the class, and to the readers of that class's own shared entries, never
because another page shows it. So a page may reference such a file only when the page
is inside that class and the person saving it may see the class: another class's photo
typed into an entry by its id, or a class's recording put on a school's public page,
would only show a broken file, or worse, and is refused with a sentence saying what to
do. Registered with pages/file_scope.py (the admin's page forms) from
ClassroomsConfig.ready(); the front-end editor (editor.py) asks `refused_in_entry`.
"""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtailmedia import get_media_model

from pages.file_scope import references_in

from .models import ClassroomPage
from .permissions import can_view_classroom

# What the admin says, where an editor chooses files from collections.
IN_ANOTHER_CLASS = {
    "photo": _("This photo belongs to another class: choose one from your class's collection."),
    "document": _(
        "This document belongs to another class: choose one from your class's collection."
    ),
    "recording": _(
        "This recording belongs to another class: choose one from your class's collection."
    ),
    "video": _("This video belongs to another class: choose one from your class's collection."),
}
OUTSIDE_ITS_CLASS = {
    "photo": _(
        "This photo belongs to a class space: a page outside that class cannot show it. "
        "Choose one from the site's collection."
    ),
    "document": _(
        "This document belongs to a class space: a page outside that class cannot show it. "
        "Choose one from the site's collection."
    ),
    "recording": _(
        "This recording belongs to a class space: a page outside that class cannot show it. "
        "Choose one from the site's collection."
    ),
    "video": _(
        "This video belongs to a class space: a page outside that class cannot show it. "
        "Choose one from the site's collection."
    ),
}
# What the class's editor says (to pupils too), where files are removed, not chosen.
IN_THE_EDITOR = {
    "photo": _(
        "A photo of this entry belongs to another class: remove it (below, under "
        "“Already in the entry”), then save again."
    ),
    "document": _(
        "A document of this entry belongs to another class: remove it (below, under "
        "“Already in the entry”), then save again."
    ),
    "recording": _(
        "A recording of this entry belongs to another class: remove it (below, under "
        "“Already in the entry”), then save again."
    ),
    "video": _(
        "A video of this entry belongs to another class: remove it (below, under "
        "“Already in the entry”), then save again."
    ),
}


def _files(references):
    """(model, pk) → (collection path, kind) of the images, documents and media referenced."""
    kinds = {
        get_image_model(): "photo",
        get_document_model(): "document",
        get_media_model(): "media",
    }
    wanted = defaultdict(set)
    for reference in references:
        if reference.model in kinds:
            wanted[reference.model].add(reference.pk)
    found = {}
    for model, pks in wanted.items():
        kind = kinds[model]
        columns = ["pk", "collection__path"] + (["type"] if kind == "media" else [])
        for pk, path, *media_type in model.objects.filter(pk__in=pks).values_list(*columns):
            if kind == "media":
                kind_of_file = "video" if media_type[0] == "video" else "recording"
            else:
                kind_of_file = kind
            found[(model, str(pk))] = (path, kind_of_file)
    return found


def _prefixes(path):
    return [path[:end] for end in range(Collection.steplen, len(path) + 1, Collection.steplen)]


def _owners(collection_paths):
    """Collection path → the class space whose collection holds it (directly or above)."""
    ancestors = {prefix for path in collection_paths for prefix in _prefixes(path)}
    classes = ClassroomPage.objects.filter(collection__path__in=ancestors).select_related(
        "collection"
    )
    by_collection = {classroom.collection.path: classroom for classroom in classes}
    owners = {}
    for path in collection_paths:
        for prefix in _prefixes(path):
            if prefix in by_collection:
                owners[path] = by_collection[prefix]
    return owners


def _in_a_class(page_path) -> bool:
    prefixes = [page_path[:end] for end in range(Page.steplen, len(page_path) + 1, Page.steplen)]
    return ClassroomPage.objects.filter(path__in=prefixes).exists()


def refused(user, page_path, references, *, messages=None):
    """The references to a class's file that a page at `page_path` may not hold, and why.

    `messages` maps a kind of file to the sentence to show; by default the admin's,
    which depends on whether the page is in a class at all.
    """
    files = _files(references)
    if not files:
        return []
    owners = _owners({path for path, _kind in files.values()})
    in_a_class = None
    refusals = []
    for reference in references:
        found = files.get((reference.model, reference.pk))
        owner = owners.get(found[0]) if found else None
        if owner is None:
            continue  # a school's or a municipality's file: theirs to publish
        if page_path.startswith(owner.path) and can_view_classroom(user, owner):
            continue
        if messages is None:
            if in_a_class is None:
                in_a_class = _in_a_class(page_path)
            wording = IN_ANOTHER_CLASS if in_a_class else OUTSIDE_ITS_CLASS
        else:
            wording = messages
        refusals.append((reference, str(wording[found[1]])))
    return refusals


def refused_in_entry(user, entry, body):
    """(id of the entry's block, sentence) of the files `body` may not show in this entry."""
    references = references_in(entry._meta.get_field("body"), body, "body")
    return [
        (body.raw_data[reference.path[0]]["id"], message)
        for reference, message in refused(user, entry.path, references, messages=IN_THE_EDITOR)
    ]
