"""Class blog entries the person wrote (its `authors`, drafts included: the editor keeps a
draft's row current), with their photos, recordings, videos and documents."""

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtailmedia.models import get_media_model

from classrooms.models import BlogEntryPage

from ..bundle import Line, Section, when

ORDER = 40
# Block type → (the key holding the file's id in its value, which kind of file).
FILE_BLOCKS = {
    "image": ("image", "image"),
    "recording": ("audio", "media"),
    "video": ("video", "media"),
    "document": ("document", "document"),
}


def _file_ids(entry):
    """(kind, id) of every file of the entry's body, read from its raw data (no query)."""
    found = []
    for block in entry.body.raw_data:
        key, kind = FILE_BLOCKS.get(block["type"], (None, None))
        value = block.get("value")
        if key is None:
            continue
        file_id = value.get(key) if isinstance(value, dict) else value
        if isinstance(file_id, int):
            found.append((kind, file_id))
    return found


def _text(entry):
    return "\n\n".join(
        strip_tags(block["value"]).strip()
        for block in entry.body.raw_data
        if block["type"] == "text" and isinstance(block.get("value"), str)
    )


def collect(export):
    entries = list(
        BlogEntryPage.objects.filter(authors=export.person).order_by(
            "-first_published_at", "-latest_revision_created_at", "title"
        )
    )
    if not entries:
        return None
    parent_paths = {entry.path[: -entry.steplen] for entry in entries}
    classes = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
    wanted = {"image": set(), "media": set(), "document": set()}
    for entry in entries:
        for kind, file_id in _file_ids(entry):
            wanted[kind].add(file_id)
    stored = {
        "image": get_image_model().objects.in_bulk(wanted["image"]),
        "media": get_media_model().objects.in_bulk(wanted["media"]),
        "document": get_document_model().objects.in_bulk(wanted["document"]),
    }
    records, lines = [], []
    for entry in entries:
        paths = []
        for kind, file_id in _file_ids(entry):
            item = stored[kind].get(file_id)
            if item is not None:
                paths.append(export.add_file(item.file, "blog", item.title))
        paths = [path for path in paths if path]
        published = entry.first_published_at
        status = "published" if entry.live else "draft"
        records.append(
            {
                "title": entry.draft_title or entry.title,
                "class": classes.get(entry.path[: -entry.steplen], ""),
                "status": status,
                "visibility": entry.visibility,
                "first_published_at": when(published),
                "last_saved_at": when(entry.latest_revision_created_at),
                "text": _text(entry),
                "files": paths,
            }
        )
        lines.append(
            Line(
                entry.draft_title or entry.title,
                when=published or entry.latest_revision_created_at,
                detail=_("published") if entry.live else _("draft, not published"),
                files=paths,
            )
        )
    return Section("blog_entries", _("Class blog entries"), records, lines)
