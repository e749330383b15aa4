"""What a section of an export is made of: records for data.json, lines for index.html,
and files for files/, named once even when several sections name the same file."""

import posixpath
import re
from dataclasses import dataclass, field

from django.utils.text import slugify


@dataclass
class Line:
    """One line of index.html: what it is, when, and the files inside the ZIP it links."""

    text: str
    when: object = None  # a date or datetime, or None
    detail: str = ""
    files: list = field(default_factory=list)  # paths inside the ZIP


@dataclass
class Section:
    """One source of a person's data: `records` go to data.json under `key`."""

    key: str
    title: str
    records: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)  # more top-level keys of data.json

    @property
    def count(self):
        return len(self.records)


@dataclass
class Export:
    """Whose data, and the files gathered so far (path inside the ZIP → stored file)."""

    person: object
    files: dict = field(default_factory=dict)
    _by_storage_name: dict = field(default_factory=dict)

    def add_file(self, fieldfile, folder, title=""):
        """Put a stored file in files/<folder>/ and return its path in the ZIP; the same
        stored file named twice (an entry's photo where the child also appears) is one file."""
        if not fieldfile or not getattr(fieldfile, "name", ""):
            return None
        known = self._by_storage_name.get(fieldfile.name)
        if known:
            return known
        base = posixpath.basename(fieldfile.name)
        stem, dot, extension = base.rpartition(".")
        stem = slugify(title)[:60] or slugify(stem)[:60] or "fichier"
        extension = re.sub(r"[^A-Za-z0-9]", "", extension)[:8] if dot else ""
        name = f"{stem}.{extension.lower()}" if extension else stem
        path = f"files/{folder}/{name}"
        number = 2
        while path in self.files:
            path = f"files/{folder}/{stem}-{number}" + (
                f".{extension.lower()}" if extension else ""
            )
            number += 1
        self.files[path] = fieldfile
        self._by_storage_name[fieldfile.name] = path
        return path


def when(value):
    """A date or datetime as ISO 8601 text for data.json (None stays null)."""
    return value.isoformat() if value else None
