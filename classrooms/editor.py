"""Turning what the front-end editor sent into a revision of a blog entry.

The editor shows a simplified entry: one text, and the photos, recordings and videos
below it. Saving keeps every other block a teacher may have added in the admin, replaces
the first text block, removes the files the person unticked and appends the new ones.
Each save is a Wagtail revision, so the admin's history shows the pupils' drafts too.
A save names the revision the editor was opened on: if someone saved the entry since
(another teacher, a co-author, the admin), it is refused rather than overwriting them.
"""

import json
import uuid

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtailmedia import get_media_model

from .file_scope import refused_in_entry
from .models import Appearance, BlogEntryPage, Membership
from .uploads import already_cleaned

# The blocks holding a file, and the key of the file in their value.
MEDIA_BLOCK_TYPES = {
    "image": "image",
    "recording": "audio",
    "video": "video",
    "document": "document",
}


def default_title(classroom):
    today = date_format(timezone.localdate(), "j F")
    if classroom.is_nursery:
        return _("Our recording of %(date)s") % {"date": today}
    return _("Our entry of %(date)s") % {"date": today}


def removable_blocks(entry, user):
    """(block id, file, block type) of the photos, recordings, videos and documents.

    A file of another class (saved before such files were refused) comes as None, so that
    nothing of it shows, not even its title: it may only be removed (file_scope.py).
    """
    if entry is None:
        return []
    files = _files_of(entry.body.raw_data)
    foreign = {block_id for block_id, _message in refused_in_entry(user, entry, entry.body)}
    choices = []
    for block in entry.body.raw_data:
        key = MEDIA_BLOCK_TYPES.get(block["type"])
        file_id = (block.get("value") or {}).get(key) if key else None
        found = files[key].get(file_id) if key else None
        if found is not None:
            choices.append((block["id"], None if block["id"] in foreign else found, block["type"]))
    return choices


def _files_of(raw):
    """The files the blocks of a raw body show, by key ("image", "audio"...) and id."""
    ids = {key: set() for key in MEDIA_BLOCK_TYPES.values()}
    for block in raw:
        key = MEDIA_BLOCK_TYPES.get(block["type"])
        if key and (block.get("value") or {}).get(key):
            ids[key].add(block["value"][key])
    media = {m.pk: m for m in get_media_model().objects.filter(pk__in=ids["audio"] | ids["video"])}
    return {
        "image": {i.pk: i for i in get_image_model().objects.filter(pk__in=ids["image"])},
        "audio": media,
        "video": media,
        "document": {d.pk: d for d in get_document_model().objects.filter(pk__in=ids["document"])},
    }


def text_of(entry) -> str:
    if entry is None:
        return ""
    for block in entry.body.raw_data:
        if block["type"] == "text":
            return block["value"]
    return ""


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _pupils(classroom, people):
    """Only pupils of the class can be authors or be seen in a photo."""
    pupil_ids = set(
        Membership.objects.filter(
            classroom=classroom, role=Membership.Role.PUPIL, user__in=people
        ).values_list("user_id", flat=True)
    )
    return [person for person in people if person.pk in pupil_ids]


def store_photo(classroom, user, cleaned, title):
    """A photo checked by uploads.clean_photo, kept in the class's files (its collection).

    Also used by other activities (the writing workshop's pictures)."""
    image = get_image_model()(
        title=title[:255], collection=classroom.collection, uploaded_by_user=user
    )
    image.file.save(cleaned.name, cleaned.content, save=False)
    image.width, image.height = cleaned.width, cleaned.height
    image.file_size = cleaned.content.size
    image._set_file_hash()
    with already_cleaned(image):  # re-encoded without metadata by clean_photo()
        image.save()
    return image


def store_recording(classroom, user, cleaned, title):
    """A recording checked by uploads.clean_recording, kept in the class's files.

    Also used by other activities (the writing workshop's spoken instructions)."""
    media = get_media_model()(
        title=title[:255],
        type=cleaned.media_type,
        duration=cleaned.duration,
        collection=classroom.collection,
        uploaded_by_user=user,
    )
    media.file.save(cleaned.name, File(cleaned.file), save=False)
    media.save()
    return media


def _add_photo(classroom, user, cleaned, description, people, title):
    image = store_photo(classroom, user, cleaned, description or title)
    Appearance.objects.bulk_create([Appearance(pupil=p, image=image) for p in people])
    return _block(
        "image",
        {"image": image.pk, "alt_text": (description or title)[:250], "caption": description},
    )


def _add_recording(classroom, user, cleaned, voices, title):
    media = store_recording(classroom, user, cleaned, title)
    Appearance.objects.bulk_create([Appearance(pupil=p, media=media) for p in voices])
    if cleaned.media_type == "video":
        return _block("video", {"video": media.pk, "caption": "", "transcript": ""})
    return _block("recording", {"audio": media.pk, "caption": "", "transcript": ""})


class OutdatedRevision(Exception):
    """The entry was saved by someone else after the editor was opened on it.

    `revision` is the entry's latest revision now (None if it has none).
    """

    def __init__(self, revision):
        super().__init__(f"The entry's latest revision is now {getattr(revision, 'pk', None)}.")
        self.revision = revision


def check_base_revision(entry, base_revision_id) -> None:
    """Refuse a save written from another revision than the entry's latest.

    The entry's row is locked until the save commits (PostgreSQL), so two saves from the
    same revision cannot both pass: the second waits, then finds the first's revision.
    """
    latest_id = (
        Page.objects.select_for_update()
        .filter(pk=entry.pk)
        .values_list("latest_revision_id", flat=True)
        .first()
    )
    if latest_id != base_revision_id:
        raise OutdatedRevision(Revision.objects.filter(pk=latest_id).first())


@transaction.atomic
def save_entry(*, classroom, user, data, entry=None, base_revision_id=None) -> BlogEntryPage:
    """Save the editor's form data as a new revision (a new draft entry if `entry` is None).

    `data` is the cleaned data of forms.EntryForm. Returns the entry as saved; it is not
    published here: the view decides whether to send, publish or keep it as a draft.
    Raises ValidationError, before anything is written, when what the entry keeps shows
    a file of another class (file_scope.py): it must be removed first.
    `base_revision_id`, the revision the editor was opened on, must still be the entry's
    latest (else OutdatedRevision, and nothing is saved); None skips the check (a page
    opened before it existed).
    """
    is_new = entry is None
    if is_new:
        entry = BlogEntryPage(owner=user, live=False)
    else:
        if base_revision_id is not None:
            check_base_revision(entry, base_revision_id)
        entry = entry.get_latest_revision_as_object()
    title = data.get("title") or entry.title or default_title(classroom)
    entry.title = title
    entry.draft_title = title

    authors = _pupils(classroom, [user, *data.get("coauthors", [])])
    raw = [dict(block) for block in entry.body.raw_data] if not is_new else []
    removed = set(data.get("remove") or [])
    raw = [block for block in raw if block.get("id") not in removed]
    text = data.get("text") or ""
    text_blocks = [i for i, block in enumerate(raw) if block["type"] == "text"]
    if text_blocks:
        if text:
            raw[text_blocks[0]]["value"] = text
        else:
            del raw[text_blocks[0]]
    elif text:
        raw.insert(0, _block("text", text))
    if not is_new:
        kept = StreamValue(BlogEntryPage.body.field.stream_block, raw, is_lazy=True)
        if refusals := refused_in_entry(user, entry, kept):
            raise ValidationError(list(dict.fromkeys(message for _id, message in refusals)))
    if data.get("photo"):
        people = _pupils(classroom, list(data.get("photo_people") or []))
        raw.append(
            _add_photo(
                classroom, user, data["photo"], data.get("photo_description", ""), people, title
            )
        )
    for key in ("recording", "video"):
        if data.get(key):
            raw.append(_add_recording(classroom, user, data[key], authors, title))
    entry.body = StreamValue(
        BlogEntryPage.body.field.stream_block,
        json.loads(json.dumps(raw, cls=DjangoJSONEncoder)),
        is_lazy=True,
    )
    # The person writing (if a pupil) and the classmates ticked; adults are never authors.
    entry.authors.set(authors)
    entry.tags.set(data.get("topic_names", []))
    if is_new:
        classroom.add_child(instance=entry)
    elif not entry.live:
        # A draft's row is what the class's lists read (authors, title): keep it current.
        entry.save()
    entry.save_revision(user=user, log_action=True)
    return entry
