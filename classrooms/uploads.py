"""Check and clean the photos and recordings that teachers, pupils and parents send.

Why: class spaces hold children's pictures and voices. A phone photo carries the GPS
position of the family home in its EXIF, so every picture is re-encoded to bare pixels
before it is stored, whichever way it arrives (our forms call `clean_photo`, the Wagtail
admin goes through `strip_image_metadata`). Files are judged by their bytes, never by
their name or the browser's content type, and every refusal is a sentence a parent
understands, with a `code` the views and tests can rely on.
"""

import io
import math
import os
import warnings
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from django.template.defaultfilters import filesizeformat, floatformat
from django.utils.functional import lazy
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

from pages.durations import format_duration

from . import media_probe, remux

MiB = 1024 * 1024
PHOTO_MAX_SIDE = 2560
JPEG_QUALITY = 85
NAME_MAX_LENGTH = 60

# Sizes and lengths in messages are worded when the message is shown, in its language.
lazy_filesize = lazy(filesizeformat, str)
lazy_floatformat = lazy(floatformat, str)


@dataclass(frozen=True)
class CleanedFile:
    """A re-encoded picture holding nothing but its pixels, ready to be saved."""

    content: ContentFile
    name: str
    width: int
    height: int


@dataclass(frozen=True)
class CleanedRecording:
    """A checked recording: the uploaded file itself, rewound, with what its bytes say."""

    file: object
    name: str
    duration: float
    media_type: str
    container: str


# --- Photos -------------------------------------------------------------------------------


@cache
def _heif_enabled():
    """Let Pillow read iPhone photos (HEIC) and AVIF when pillow-heif is installed."""
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def _photo_formats():
    # Pillow calls most phone JPEGs "MPO": a JPEG followed by a depth map or preview.
    formats = {"JPEG", "MPO", "PNG", "WEBP", "GIF"}
    if _heif_enabled():
        formats |= {"HEIF", "AVIF"}
    return formats


def photo_max_pixels():
    """The most pixels a picture may have to be decoded (PREAU_PHOTO_MAX_PIXELS), and
    never more than Pillow's own limit.

    Decoding costs about 4 bytes a pixel, and re-encoding a copy more: a 370 KB PNG of
    9,400 × 9,400 pixels, under Pillow's own limit, held 1.2 GB for 10 s. The limit is
    read from the header, before any pixel is decoded.
    """
    limit = getattr(settings, "PREAU_PHOTO_MAX_PIXELS", 40_000_000)
    return min(limit, Image.MAX_IMAGE_PIXELS) if Image.MAX_IMAGE_PIXELS else limit


def refuse_too_many_pixels(fileobj):
    """Refuse a picture whose header declares more pixels than photo_max_pixels(),
    without decoding it; what Pillow cannot read is left to the caller. For forms that
    decode what they accept (Wagtail's image field has Willow decode the whole picture
    before it counts its pixels)."""
    _heif_enabled()
    limit = photo_max_pixels()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(fileobj) as header:  # reads the header only
                too_many = header.width * header.height > limit
    except Image.DecompressionBombError:
        too_many = True
    except Exception:  # not a picture Pillow reads (SVG...): the caller judges it
        too_many = False
    finally:
        fileobj.seek(0)
    if too_many:
        raise _too_many_pixels(limit)


def clean_photo(uploaded):
    """Check that `uploaded` is a photo by its content and return it re-encoded: upright,
    at most 2560 px on its longest side, without EXIF, GPS or any other metadata."""
    limit = getattr(settings, "PREAU_PHOTO_MAX_BYTES", 15 * MiB)
    if uploaded.size is not None and uploaded.size > limit:
        raise _photo_too_large(uploaded.size, limit)
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    if len(data) > limit:  # the announced size was wrong
        raise _photo_too_large(len(data), limit)
    stem = _safe_stem(uploaded.name, fallback="photo")
    return _reencode(data, stem=stem, max_pixels=photo_max_pixels())


def _photo_too_large(size, limit):
    return ValidationError(
        _("This photo is too large (%(size)s). Photos may weigh %(limit)s at most."),
        code="photo_too_large",
        params={"size": lazy_filesize(size), "limit": lazy_filesize(limit)},
    )


def _photo_unreadable():
    return ValidationError(
        _(
            "This file is not a photo we can read. "
            "Take the photo again, or choose a JPEG or PNG picture."
        ),
        code="photo_unreadable",
    )


def _too_many_pixels(limit):
    return ValidationError(
        _(
            "This picture has too many pixels to be opened safely. "
            "Pictures may have %(limit)s million pixels at most: choose a smaller one."
        ),
        code="photo_too_many_pixels",
        params={"limit": lazy_floatformat(limit / 1e6, -1)},
    )


def _reencode(data, *, stem, max_pixels):
    """Decode `data` and encode its pixels again; PNG and GIF become PNG (transparency
    kept), anything else JPEG. Pixel counts above `max_pixels` are refused before decoding:
    a few kilobytes of PNG can unfold into gigabytes."""
    _heif_enabled()
    pillow_limit = Image.MAX_IMAGE_PIXELS
    allows_more = bool(pillow_limit and max_pixels and max_pixels > pillow_limit)
    try:
        with warnings.catch_warnings():
            # Between its limit and twice it, Pillow only warns: that is a refusal too.
            warnings.simplefilter(
                "ignore" if allows_more else "error", Image.DecompressionBombWarning
            )
            with Image.open(io.BytesIO(data)) as header:  # reads the header only
                image_format = header.format
                if max_pixels and header.width * header.height > max_pixels:
                    raise _too_many_pixels(max_pixels)
                if image_format not in _photo_formats():
                    raise _photo_unreadable()
                header.verify()
            image = Image.open(io.BytesIO(data))
            if image_format in ("JPEG", "MPO"):
                image.draft(None, (PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))  # decode big JPEGs smaller
            image.load()
            as_png = image_format in ("PNG", "GIF")
            pixels_only = _normalise(image, as_png=as_png)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(max_pixels or pillow_limit) from None
    except Exception:  # Pillow's decoders raise many types on damaged or hostile files
        raise _photo_unreadable() from None

    output = io.BytesIO()
    if as_png:
        pixels_only.save(output, format="PNG")
    else:
        pixels_only.save(output, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    name = f"{stem}.{'png' if as_png else 'jpg'}"
    return CleanedFile(
        content=ContentFile(output.getvalue(), name=name),
        name=name,
        width=pixels_only.width,
        height=pixels_only.height,
    )


def _normalise(image, *, as_png):
    """Turn a decoded image into upright sRGB pixels no larger than PHOTO_MAX_SIDE, in a
    brand-new image that carries no `info` (EXIF, XMP, ICC, comments) at all."""
    icc_profile = image.info.get("icc_profile")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
    ImageOps.exif_transpose(image, in_place=True)  # a copy otherwise: a whole picture more
    mode = "RGBA" if has_alpha else "RGB"
    if image.mode in ("P", "PA", "1"):
        image = image.convert(mode)
    if icc_profile:
        image = _to_srgb(image, icc_profile, mode)
    if image.mode != mode:  # convert() copies even to the same mode: a whole picture more
        image = image.convert(mode)
    image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE), Image.Resampling.LANCZOS)
    if has_alpha and not as_png:  # JPEG has no transparency: lay the picture on white
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _to_srgb(image, icc_profile, mode):
    """Convert wide-gamut phone pictures (Display P3...) to sRGB, the colours browsers
    assume once the profile is gone; a profile that cannot be used is ignored."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        return ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image


def _safe_stem(name, *, fallback):
    """A file name stem safe for any storage: slugified, short, never empty."""
    base = os.path.basename((name or "").replace("\\", "/"))
    stem = slugify(os.path.splitext(base)[0])[:NAME_MAX_LENGTH].strip("-_")
    return stem or fallback


# --- Every stored Wagtail image -----------------------------------------------------------


# Images whose file our own forms already re-encoded, while they are saved (`already_cleaned`).
_cleaned_images: ContextVar[frozenset] = ContextVar("preau_cleaned_images", default=frozenset())


@contextmanager
def already_cleaned(image):
    """Within it, saving `image` keeps its file as it is: `clean_photo()` already
    re-encoded it without metadata, encoding it again would only lose quality."""
    token = _cleaned_images.set(_cleaned_images.get() | {id(image)})
    try:
        yield image
    finally:
        _cleaned_images.reset(token)


def strip_image_metadata(sender, instance, raw=False, **kwargs):
    """Re-encode a Wagtail image's new file before it is stored, so that photos uploaded
    through the Wagtail admin or built in code lose their GPS position too.

    Skipped when our own forms already cleaned the file (`already_cleaned()`) and for files
    Pillow cannot read (SVG...), which Wagtail's own validation judges. The pixel limit is
    the photos' (PREAU_PHOTO_MAX_PIXELS): the settings give Wagtail's upload form the same
    (WAGTAILIMAGES_MAX_IMAGE_PIXELS), so in the admin the form refuses first, with its
    message, and saving does not fail there.
    """
    field_file = instance.file
    if raw or not field_file or getattr(field_file, "_committed", True) is not False:
        return
    if id(instance) in _cleaned_images.get():
        return
    field_file.seek(0)
    data = field_file.read()
    stem = os.path.splitext(os.path.basename(field_file.name))[0] or "image"
    try:
        cleaned = _reencode(data, stem=stem, max_pixels=photo_max_pixels())
    except ValidationError as error:
        if error.code == "photo_unreadable":
            return
        raise
    instance.file = cleaned.content
    instance.width = cleaned.width
    instance.height = cleaned.height
    instance.file_size = cleaned.content.size
    if hasattr(instance, "_set_file_hash"):
        instance._set_file_hash()


# --- Recordings ---------------------------------------------------------------------------

ACCEPTED_CONTAINERS = {
    "audio": {"webm", "matroska", "mp4", "quicktime", "ogg", "wav", "mp3"},
    "video": {"webm", "matroska", "mp4", "quicktime"},
}
EXTENSIONS = {
    "audio": {"webm": "webm", "matroska": "mka", "mp4": "m4a", "quicktime": "mov"},
    "video": {"webm": "webm", "matroska": "mkv", "mp4": "mp4", "quicktime": "mov"},
}
COMMON_EXTENSIONS = {"ogg": "ogg", "wav": "wav", "mp3": "mp3"}
# The most a second of each kind may weigh, generously: uncompressed sound of 96 kHz,
# 24-bit stereo is 576 kB/s (browsers record 16 kB/s); a phone films 4K at 6 to 12 MB/s.
# Headers and a cover picture get SIZE_ALLOWANCE on top. A file heavier than its length
# allows holds something else than what its header says.
MAX_BYTES_PER_SECOND = {"audio": 640_000, "video": 16_000_000}
SIZE_ALLOWANCE = 2 * MiB

MESSAGES = {
    "audio": {
        "recording_unreadable": _(
            "This file is not a sound recording we can read. "
            "Record it again, or choose an MP3, M4A or WebM file."
        ),
        "recording_too_long": _(
            "This recording lasts %(duration)s. Recordings may last %(limit)s at most."
        ),
        "recording_too_large": _(
            "This recording is too large (%(size)s). Recordings may weigh %(limit)s at most."
        ),
        "recording_empty": _("This recording is empty. Record it again."),
        "recording_length_unknown": _(
            "We cannot tell how long this recording lasts. Record it again, or choose another file."
        ),
        "recording_no_track": _(
            "This file holds no sound. Record it again, or choose another file."
        ),
        "recording_size_mismatch": _(
            "This recording weighs %(size)s for %(duration)s: more than a recording of that "
            "length can hold. Record it again, or choose another file."
        ),
    },
    "video": {
        "recording_unreadable": _(
            "This file is not a video we can read. "
            "Film it again, or choose an MP4, MOV or WebM video."
        ),
        "recording_too_long": _(
            "This video lasts %(duration)s. Videos may last %(limit)s at most."
        ),
        "recording_too_large": _(
            "This video is too large (%(size)s). Videos may weigh %(limit)s at most."
        ),
        "recording_empty": _("This video is empty. Film it again."),
        "recording_length_unknown": _(
            "We cannot tell how long this video lasts. Film it again, or choose another file."
        ),
        "recording_no_track": _(
            "This video holds no pictures. Film it again, or send it as a sound recording."
        ),
        "recording_size_mismatch": _(
            "This video weighs %(size)s for %(duration)s: more than a video of that length "
            "can hold. Film it again, or choose another file."
        ),
    },
}


def recording_limits(kind):
    """(maximum seconds, maximum bytes) for "audio" or "video", from the settings."""
    if kind == "audio":
        return (
            getattr(settings, "PREAU_AUDIO_MAX_SECONDS", 300),
            getattr(settings, "PREAU_AUDIO_MAX_BYTES", 25 * MiB),
        )
    if kind == "video":
        return (
            getattr(settings, "PREAU_VIDEO_MAX_SECONDS", 180),
            getattr(settings, "PREAU_VIDEO_MAX_BYTES", 100 * MiB),
        )
    raise ValueError(f"Unknown recording kind: {kind!r}")


def clean_recording(uploaded, kind):
    """Check that `uploaded` is an `kind` ("audio" or "video") recording we can play, not
    too long nor too large, by its bytes: a recording holds a sound track, a video a
    picture track, and neither weighs more than its length explains. The file is not
    re-encoded: recorders already compress, and a server-side encoder would be a heavy
    dependency; a browser's WebM is only rewritten, tracks copied, to carry its length
    (remux.py)."""
    max_seconds, max_bytes = recording_limits(kind)
    size = uploaded.size or 0
    if size <= 0:
        raise _recording_error(kind, "recording_empty")
    if size > max_bytes:
        raise _recording_error(
            kind,
            "recording_too_large",
            size=lazy_filesize(size),
            limit=lazy_filesize(max_bytes),
        )
    try:
        measured = media_probe.probe(uploaded, size)
    except media_probe.ProbeError as error:
        raise _recording_error(kind, f"recording_{error.code}") from None
    finally:
        uploaded.seek(0)
    if measured.container not in ACCEPTED_CONTAINERS[kind]:
        raise _recording_error(kind, "recording_unreadable")
    if measured.duration <= 0:
        raise _recording_error(kind, "recording_empty")
    if measured.duration > max_seconds:
        raise _recording_error(
            kind,
            "recording_too_long",
            duration=lazy_duration(_rounded_above(measured.duration, max_seconds)),
            limit=lazy_duration(max_seconds),
        )
    if kind not in measured.tracks:
        raise _recording_error(kind, "recording_no_track")
    if size > SIZE_ALLOWANCE + MAX_BYTES_PER_SECOND[kind] * measured.duration:
        raise _recording_error(
            kind,
            "recording_size_mismatch",
            size=lazy_filesize(size),
            duration=lazy_duration(max(1, round(measured.duration))),
        )
    extension = EXTENSIONS[kind].get(measured.container) or COMMON_EXTENSIONS[measured.container]
    stem = _safe_stem(uploaded.name, fallback="recording" if kind == "audio" else "video")
    # A browser's WebM has no length nor cues: rewritten so players show both (remux.py).
    rewritten = remux.remux(uploaded, measured.container)
    return CleanedRecording(
        file=rewritten or uploaded,
        name=f"{stem}.{extension}",
        duration=measured.duration,
        media_type=kind,
        container=measured.container,
    )


def _recording_error(kind, code, **params):
    return ValidationError(MESSAGES[kind][code], code=code, params=params or None)


def _rounded_above(duration, limit):
    """Whole seconds to show for a length over `limit`, never rounded down to the limit."""
    shown = round(duration)
    return shown if shown > limit else math.ceil(duration)


lazy_duration = lazy(format_duration, str)


def register():
    """Connect the metadata stripping to the image model; called from
    ClassroomsConfig.ready()."""
    from wagtail.images import get_image_model

    _heif_enabled()
    pre_save.connect(
        strip_image_metadata,
        sender=get_image_model(),
        dispatch_uid="classrooms_strip_image_metadata",
    )
