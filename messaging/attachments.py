"""Files sent with a message: photos (re-encoded without EXIF or GPS, like the blog's),
voice and video recordings (checked by their bytes, like the blog's), and documents.

A document is accepted by its content, not its name: a PDF starts with "%PDF-", an
OpenDocument or Office file is a ZIP holding its manifest, a text file is UTF-8 without
control bytes. Nothing else (no program, no web page) is ever sent to a family.
"""

import io
import mimetypes
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from classrooms import uploads

from .models import Attachment

MiB = 1024 * 1024
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "txt": "text/plain",
}
# What browsers are told a recording is, by its kind and extension (Safari needs it).
RECORDING_TYPES = {
    "webm": "{kind}/webm",
    "m4a": "audio/mp4",
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "mka": "audio/x-matroska",
    "mkv": "video/x-matroska",
    "ogg": "audio/ogg",
    "wav": "audio/wav",
    "mp3": "audio/mpeg",
}
ZIP_MARKERS = {
    "odt": "mimetype",
    "ods": "mimetype",
    "odp": "mimetype",
    "docx": "[Content_Types].xml",
    "xlsx": "[Content_Types].xml",
    "pptx": "[Content_Types].xml",
}


def document_max_bytes():
    return getattr(settings, "PREAU_MESSAGE_DOCUMENT_MAX_BYTES", 10 * MiB)


def _refused(name):
    return ValidationError(
        _(
            "“%(name)s” cannot be sent: send a PDF, a text, an OpenDocument or an Office "
            "file (pdf, odt, ods, odp, docx, xlsx, pptx, txt)."
        ),
        code="document_type",
        params={"name": name},
    )


def clean_document(uploaded):
    """(bytes, safe name, content type) of a document whose content matches its kind."""
    name = get_valid_filename(uploaded.name or "document")[:120] or "document"
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    limit = document_max_bytes()
    if (uploaded.size or 0) > limit:
        raise ValidationError(
            _("“%(name)s” weighs %(size)s: documents may weigh %(limit)s at most."),
            code="document_too_large",
            params={
                "name": name,
                "size": filesizeformat(uploaded.size),
                "limit": filesizeformat(limit),
            },
        )
    if extension not in DOCUMENT_TYPES:
        raise _refused(name)
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    if not data or len(data) > limit:
        raise _refused(name)
    if extension == "pdf" and not data.startswith(b"%PDF-"):
        raise _refused(name)
    if extension in ZIP_MARKERS:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if ZIP_MARKERS[extension] not in archive.namelist():
                    raise _refused(name)
        except zipfile.BadZipFile:
            raise _refused(name) from None
    if extension == "txt":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise _refused(name) from None
        if any(ord(char) < 32 and char not in "\t\r\n" for char in text):
            raise _refused(name)
    return data, name, DOCUMENT_TYPES[extension]


def clean_photo(uploaded):
    return uploads.clean_photo(uploaded)


def clean_recording(uploaded, kind):
    return uploads.clean_recording(uploaded, kind)


def recording_type(name, kind):
    """What browsers are told a checked recording named `name` is, for its kind ("audio"
    or "video"): by its extension, else WebM (what browsers' recorders make)."""
    extension = name.rsplit(".", 1)[-1].lower()
    return RECORDING_TYPES.get(extension, "{kind}/webm").format(kind=kind)


def build(message, *, photos=(), documents=(), recordings=()):
    """Attachment rows for these checked files (not saved)."""
    rows = []
    for photo in photos:
        rows.append(
            Attachment(
                message=message,
                kind=Attachment.Kind.PHOTO,
                name=photo.name,
                content_type=mimetypes.guess_type(photo.name)[0] or "image/jpeg",
                size=photo.content.size,
                width=photo.width,
                height=photo.height,
                file=ContentFile(photo.content.read(), name=photo.name),
            )
        )
        photo.content.seek(0)
    for data, name, content_type in documents:
        rows.append(
            Attachment(
                message=message,
                kind=Attachment.Kind.DOCUMENT,
                name=name,
                content_type=content_type,
                size=len(data),
                file=ContentFile(data, name=name),
            )
        )
    for recording in recordings:
        recording.file.seek(0)
        data = recording.file.read()
        recording.file.seek(0)
        content_type = recording_type(recording.name, recording.media_type)
        rows.append(
            Attachment(
                message=message,
                kind=Attachment.Kind.VIDEO
                if recording.media_type == "video"
                else Attachment.Kind.AUDIO,
                name=recording.name,
                content_type=content_type,
                size=len(data),
                duration=recording.duration,
                file=ContentFile(data, name=recording.name),
            )
        )
    return rows


def save_all(rows, sharing=None):
    """Save these rows. `sharing` (rows already saved, one per file in the same order)
    makes them point at the same stored files: a message written to thirty families
    stores its video once."""
    for index, row in enumerate(rows):
        if sharing is not None:
            row.file = sharing[index].file.name
        row.save()
    return rows
