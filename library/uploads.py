"""A resource's files, checked by their content with the portal's own checks: documents
by messaging.attachments.clean_document (a PDF starts with "%PDF-"…), pictures
re-encoded without EXIF or GPS by classrooms.uploads.clean_photo, recordings measured by
clean_recording. The uploaded name is dropped: only the extension the content proved is
kept, and the shown name is derived from the metadata (naming.py)."""

from django.core.files.base import ContentFile
from django.db import transaction

from messaging.attachments import clean_document, clean_photo, clean_recording, recording_type

from .models import ResourceFile
from .taxonomy import Kind


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else "bin"


def check(kind, files) -> list[dict]:
    """What to store for these uploads; raises ValidationError naming the refused file."""
    checked = []
    for position, uploaded in enumerate(files):
        if kind == Kind.DOCUMENT:
            data, name, content_type = clean_document(uploaded)
            row_kind = ResourceFile.Kind.DOCUMENT
        elif kind == Kind.IMAGES:
            photo = clean_photo(uploaded)
            data, name = photo.content.read(), photo.name
            content_type = "image/png" if name.endswith(".png") else "image/jpeg"
            row_kind = ResourceFile.Kind.PHOTO
        else:
            recording = clean_recording(uploaded, kind)
            recording.file.seek(0)
            data, name = recording.file.read(), recording.name
            content_type = recording_type(name, kind)
            row_kind = ResourceFile.Kind.AUDIO if kind == Kind.AUDIO else ResourceFile.Kind.VIDEO
        extension = _extension(name)
        checked.append(
            {
                "kind": row_kind,
                "data": data,
                "extension": extension,
                "content_type": content_type,
                "position": position,
            }
        )
    return checked


def replace_files(resource, checked) -> None:
    """Store the checked files in place of the resource's (nothing new: files kept)."""
    if checked is None:
        if resource.kind not in (Kind.DOCUMENT, Kind.AUDIO, Kind.VIDEO, Kind.IMAGES):
            _drop(resource.files.all())
        return
    with transaction.atomic():
        _drop(resource.files.all())
        for item in checked:
            ResourceFile.objects.create(
                resource=resource,
                kind=item["kind"],
                extension=item["extension"],
                content_type=item["content_type"],
                size=len(item["data"]),
                position=item["position"],
                file=ContentFile(item["data"], name=f"{item['position'] + 1}.{item['extension']}"),
            )


def drop_files(resource) -> None:
    """Delete the resource's files, their stored bytes once the transaction commits."""
    _drop(resource.files.all())


def _drop(rows) -> None:
    for row in list(rows):
        storage, name = row.file.storage, row.file.name
        row.delete()
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
