"""The ZIP itself: index.html a person reads, data.json a program reads, files/ the
original files, written to a temporary file on disk (big videos never sit in memory)."""

import json
import shutil
import tempfile
import zipfile

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pages import french

from .bundle import Export
from .sections import collect_all

FORMAT_VERSION = 1


class TooBig(Exception):
    """The files weigh more than settings.PREAU_DATA_EXPORT_MAX_MB: the school is asked."""

    def __init__(self, size):
        super().__init__(size)
        self.size = size


def _size(fieldfile):
    try:
        return fieldfile.size
    except (OSError, ValueError):
        return 0  # a file missing from the storage is left out of the ZIP


def gather(person):
    """Every section of this person's data, and the files to put beside them."""
    export = Export(person=person)
    sections = collect_all(export)
    return export, sections


def data_of(person, sections, made_at):
    data = {
        "format": "preau-personal-data",
        "version": FORMAT_VERSION,
        "made_at": made_at.isoformat(),
        "language": get_language(),
    }
    for section in sections:
        data[section.key] = section.records
        data.update(section.extra)
    return data


def title_of(person):
    name = person.first_name or person.username
    return french.fill(_("Data of %(name)s"), name=name)


def build(person, made_by=None):
    """A temporary file holding the ZIP, at its start, and its file name; TooBig when the
    files weigh more than the cap. The file is deleted from disk once closed."""
    export, sections = gather(person)
    limit = settings.PREAU_DATA_EXPORT_MAX_MB * 1024 * 1024
    sizes = {path: _size(fieldfile) for path, fieldfile in export.files.items()}
    total = sum(sizes.values())
    if total > limit:
        raise TooBig(total)
    made_at = timezone.localtime()
    index = render_to_string(
        "dataexport/index.html",
        {
            "person": person,
            "title": title_of(person),
            "sections": sections,
            "made_at": made_at,
            "files": sorted(path for path, size in sizes.items() if size),
            "language": get_language(),
        },
    )
    data = data_of(person, sections, made_at)
    # Closed by the FileResponse that sends it, which deletes it from disk.
    archive = tempfile.TemporaryFile(suffix=".zip")  # noqa: SIM115
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("index.html", index)
        zf.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
        for path, fieldfile in export.files.items():
            if not sizes[path]:
                continue
            # Photos and films are compressed already: stored as they are, copied in chunks.
            with (
                fieldfile.open("rb") as source,
                zf.open(
                    zipfile.ZipInfo(path, date_time=made_at.timetuple()[:6]), "w", force_zip64=True
                ) as target,
            ):
                shutil.copyfileobj(source, target, 1024 * 1024)
    archive.seek(0)
    slug = (person.first_name or person.username).lower()
    return archive, f"preau-{slugify(slug) or 'donnees'}-{made_at:%Y-%m-%d}.zip"
