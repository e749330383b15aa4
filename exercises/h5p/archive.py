"""Checking an uploaded .h5p package and unpacking it where only Préau's view serves it.

An .h5p file is a zip: ``h5p.json`` (title, main library, dependencies), the activity in
``content/content.json`` and its media under ``content/``, and one folder per library
(``H5P.MultiChoice-1.16/library.json`` and its scripts and styles). Anything else a zip
can hold is refused before a byte is written: absolute paths, ``..``, links, files of
types H5P does not allow (no .html, .php, .exe...), and archives too big once unpacked
(a "zip bomb" is small on upload).
"""

import json
import posixpath
import stat
import zipfile
import zlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

# H5P core's default whitelist of file extensions (content and libraries), and a few
# text files packages carry.
ALLOWED_EXTENSIONS = frozenset(
    [
        "json",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "bmp",
        "tif",
        "tiff",
        "svg",
        "eot",
        "ttf",
        "woff",
        "woff2",
        "otf",
        "webm",
        "mp4",
        "ogg",
        "mp3",
        "m4a",
        "wav",
        "txt",
        "pdf",
        "rtf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "odp",
        "xml",
        "csv",
        "diff",
        "patch",
        "md",
        "textile",
        "vtt",
        "webvtt",
        "gltf",
        "glb",
        "js",
        "css",
    ]
)
# Never offered: a page or a program opened from Préau's address.
REFUSED_EXTENSIONS = frozenset({"swf", "html", "htm", "php", "exe", "svgz"})
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_FILES = 5000
MAX_JSON_BYTES = 5 * 1024 * 1024
# What reading a damaged, encrypted or oddly compressed member raises.
UNREADABLE = (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, EOFError)
# Where packages are unpacked in the media storage; the media view serves none of it.
STORAGE_DIR = "h5p"


@dataclass(frozen=True)
class PackageInfo:
    title: str
    main_library: str  # "H5P.MultiChoice 1.16"


def extension_of(name):
    base = posixpath.basename(name)
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def _safe_member(info):
    """The member's path, or a ValidationError: no absolute path, no .., no link."""
    name = info.filename
    if (
        name.startswith(("/", "\\"))
        or "\\" in name
        or ":" in name.split("/")[0]
        or any(part in ("..", ".") for part in name.split("/"))
        or "\x00" in name
    ):
        raise ValidationError(
            _("The package holds a file outside its folder (%(name)s): it is refused.")
            % {"name": name[:100]}
        )
    mode = info.external_attr >> 16
    if mode and stat.S_ISLNK(mode):
        raise ValidationError(
            _("The package holds a link (%(name)s): it is refused.") % {"name": name[:100]}
        )
    return name


def check(upload) -> PackageInfo:
    """What the package is, or a ValidationError saying in words what is wrong."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The package is too big: at most %(size)s MB.")
            % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    upload.open("rb")
    if not zipfile.is_zipfile(upload):
        raise ValidationError(_("This file is not an H5P package (an .h5p file is a zip)."))
    upload.seek(0)
    with zipfile.ZipFile(upload) as archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > MAX_FILES:
            raise ValidationError(_("The package holds too many files."))
        if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
            raise ValidationError(
                _("The package is too big once unpacked: at most %(size)s MB.")
                % {"size": MAX_UNPACKED_BYTES // (1024 * 1024)}
            )
        names = set()
        for member in members:
            name = _safe_member(member)
            extension = extension_of(name)
            if extension in REFUSED_EXTENSIONS or extension not in ALLOWED_EXTENSIONS:
                raise ValidationError(
                    _("The package holds a file of a type H5P does not allow: %(name)s.")
                    % {"name": name[:100]}
                )
            names.add(name)
        _readable(archive)
        for required in ("h5p.json", "content/content.json"):
            if required not in names:
                raise ValidationError(
                    _("The package has no %(name)s: it is not an H5P activity.")
                    % {"name": required}
                )
        manifest = _json(archive, "h5p.json")
        _json(archive, "content/content.json")
    return _info(manifest, names)


def _readable(archive):
    """A ValidationError unless every member unpacks (none damaged, encrypted or
    compressed in a way Python cannot read)."""
    try:
        damaged = archive.testzip()
    except UNREADABLE as error:
        raise ValidationError(
            _(
                "The package cannot be unpacked: one of its files is damaged, protected by a "
                "password or compressed in an unusual way. Download the activity again."
            )
        ) from error
    if damaged is not None:
        raise ValidationError(
            _("The package cannot be unpacked: its file %(name)s is damaged.")
            % {"name": damaged[:100]}
        )


def _json(archive, name):
    if archive.getinfo(name).file_size > MAX_JSON_BYTES:
        raise ValidationError(_("The package’s %(name)s is too big.") % {"name": name})
    try:
        return json.loads(archive.read(name).decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ValidationError(
            _("The package’s %(name)s cannot be read.") % {"name": name}
        ) from error


def _info(manifest, names) -> PackageInfo:
    if not isinstance(manifest, dict) or not isinstance(manifest.get("mainLibrary"), str):
        raise ValidationError(_("The package’s h5p.json names no main library."))
    main = manifest["mainLibrary"]
    dependencies = manifest.get("preloadedDependencies") or []
    found = next(
        (d for d in dependencies if isinstance(d, dict) and d.get("machineName") == main), None
    )
    if found is None:
        raise ValidationError(_("The package’s h5p.json names no main library."))
    version = f"{found.get('majorVersion', '')}.{found.get('minorVersion', '')}"
    if f"{main}-{version}/library.json" not in names:
        raise ValidationError(
            _(
                "The package does not hold the library %(library)s it needs. Download the "
                "activity again with its libraries (“Reuse” then “Download as an .h5p file”)."
            )
            % {"library": f"{main} {version}"}
        )
    title = manifest.get("title") if isinstance(manifest.get("title"), str) else ""
    return PackageInfo(title=title.strip()[:255], main_library=f"{main} {version}")


def extract(upload, folder) -> None:
    """Unpack a checked package under STORAGE_DIR/folder/ in the media storage."""
    upload.open("rb")
    with zipfile.ZipFile(upload) as archive:
        for member in archive.infolist():
            if member.is_dir():
                continue
            name = _safe_member(member)
            default_storage.save(
                f"{STORAGE_DIR}/{folder}/{name}", ContentFile(archive.read(member))
            )


def remove(folder) -> None:
    """Delete an unpacked package: its files, then its folders, deepest first."""
    root = f"{STORAGE_DIR}/{folder}"
    pending, folders = [root], []
    while pending:
        current = pending.pop()
        if not default_storage.exists(current):
            continue
        folders.append(current)
        directories, files = default_storage.listdir(current)
        for name in files:
            default_storage.delete(f"{current}/{name}")
        pending += [f"{current}/{name}" for name in directories]
    for current in reversed(folders):
        default_storage.delete(current)  # the file system storage removes empty folders
