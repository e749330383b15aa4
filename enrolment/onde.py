"""Read the CSV files a school exports from ONDE, the French national pupil register.

Two files: the pupils ("Nom élève;Prénom élève;Date naissance;Niveau;Libellé classe",
sometimes "Autorisation photo") and, optionally, their parents ("Nom responsable;
Prénom responsable;Courriel;Nom élève;Prénom élève;Date naissance"). Semicolons,
UTF-8 (with or without BOM) or Windows-1252, column names in any case, with or without
accents. Reading never touches the database: a file either reads completely, or the
reader raises `OndeError` with every problem found, each naming its line, in words a
school director understands.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from classrooms.models import ClassroomPage, Level

MAX_FILE_SIZE = 2 * 1024 * 1024
MAX_ROWS = 2000
# Past this many, the list of problems would not help: the file is the wrong one.
MAX_REPORTED_PROBLEMS = 15


class OndeError(Exception):
    """A file that cannot be imported; `problems` are sentences to show as they are."""

    def __init__(self, problems):
        self.problems = [str(problem) for problem in problems]
        super().__init__("; ".join(self.problems))


def normalize(text: str) -> str:
    """The comparable form of a name or a heading: "Prénom  Élève" → "prenom eleve".

    Case, accents, apostrophes, hyphens and repeated spaces do not count, so "Marie-Anne"
    and "MARIE ANNE" are the same first name.
    """
    text = unicodedata.normalize("NFKD", text.strip().lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("œ", "oe").replace("æ", "ae")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def clean_name(text: str) -> str:
    """A name as the school wrote it, without stray spaces."""
    return " ".join(text.split())


@dataclass(frozen=True)
class PupilRow:
    line: int
    last_name: str
    first_name: str
    birth_date: date
    level: str
    class_label: str
    # None when the file says nothing (no column or an empty cell): consent stays as it is.
    photo_consent: bool | None

    @property
    def key(self):
        return identity_key(self.last_name, self.first_name, self.birth_date)

    def to_json(self):
        return [
            self.line,
            self.last_name,
            self.first_name,
            self.birth_date.isoformat(),
            self.level,
            self.class_label,
            self.photo_consent,
        ]

    @classmethod
    def from_json(cls, data):
        line, last, first, born, level, label, consent = data
        return cls(line, last, first, date.fromisoformat(born), level, label, consent)


@dataclass(frozen=True)
class ParentRow:
    line: int
    last_name: str
    first_name: str
    email: str
    child_last_name: str
    child_first_name: str
    child_birth_date: date

    @property
    def child_key(self):
        return identity_key(self.child_last_name, self.child_first_name, self.child_birth_date)

    def to_json(self):
        return [
            self.line,
            self.last_name,
            self.first_name,
            self.email,
            self.child_last_name,
            self.child_first_name,
            self.child_birth_date.isoformat(),
        ]

    @classmethod
    def from_json(cls, data):
        line, last, first, email, child_last, child_first, born = data
        return cls(line, last, first, email, child_last, child_first, date.fromisoformat(born))


def identity_key(last_name, first_name, birth_date):
    """Same last name, first name and birth date: the same pupil."""
    return (normalize(last_name), normalize(first_name), birth_date)


# Column names as ONDE and schools write them, in normalized form; the first is the one
# messages quote.
PUPIL_COLUMNS = {
    "last_name": ("Nom élève", "nom eleve", "nom de l eleve", "nom"),
    "first_name": ("Prénom élève", "prenom eleve", "prenom de l eleve", "prenom"),
    "birth_date": ("Date naissance", "date naissance", "date de naissance"),
    "level": ("Niveau", "niveau"),
    "class_label": ("Libellé classe", "libelle classe", "classe"),
}
PUPIL_OPTIONAL_COLUMNS = {
    "photo_consent": ("Autorisation photo", "autorisation photo", "droit a l image"),
}
PARENT_COLUMNS = {
    "last_name": ("Nom responsable", "nom responsable", "nom du responsable"),
    "first_name": ("Prénom responsable", "prenom responsable", "prenom du responsable"),
    "email": ("Courriel", "courriel", "courriel responsable", "email", "e mail", "adresse e mail"),
    "child_last_name": ("Nom élève", "nom eleve", "nom de l eleve"),
    "child_first_name": ("Prénom élève", "prenom eleve", "prenom de l eleve"),
    "child_birth_date": (
        "Date naissance",
        "date naissance",
        "date de naissance",
        "date naissance eleve",
    ),
}

LEVEL_NAMES = {
    Level.TPS: ("tps", "toute petite section"),
    Level.PS: ("ps", "petite section"),
    Level.MS: ("ms", "moyenne section"),
    Level.GS: ("gs", "grande section"),
    Level.CP: ("cp", "cours preparatoire"),
    Level.CE1: ("ce1", "cours elementaire 1", "cours elementaire premiere annee"),
    Level.CE2: ("ce2", "cours elementaire 2", "cours elementaire deuxieme annee"),
    Level.CM1: ("cm1", "cours moyen 1", "cours moyen premiere annee"),
    Level.CM2: ("cm2", "cours moyen 2", "cours moyen deuxieme annee"),
}
_LEVELS = {name: level.value for level, names in LEVEL_NAMES.items() for name in names}
_YES = {"oui", "o", "yes", "y", "1", "vrai", "true", "x"}
_NO = {"non", "n", "no", "0", "faux", "false"}
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def decode(data: bytes) -> str:
    """The text of an uploaded file: UTF-8 first (with or without BOM), then Windows-1252."""
    if not data.strip():
        raise OndeError([_("The file is empty.")])
    if len(data) > MAX_FILE_SIZE:
        raise OndeError([too_large_message()])
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise OndeError(
            [
                _(
                    "This is a spreadsheet file (Excel or LibreOffice), not a CSV file. In ONDE, "
                    "export the list as CSV; or open it in your spreadsheet, choose “Save as” "
                    "and the CSV format with semicolons."
                )
            ]
        )
    if b"\x00" in data:
        raise OndeError([_("This is not a text file. Choose the CSV file exported from ONDE.")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise OndeError(
            [
                _(
                    "We cannot read the letters of this file: it is neither UTF-8 nor "
                    "Windows-1252. Export it again from ONDE as CSV."
                )
            ]
        ) from None


def too_large_message():
    return _(
        "The file is larger than 2 MB. The ONDE export of a whole school is much smaller: "
        "check that you chose the right file."
    )


def _rows(text):
    """(line number, cells) for each non-blank line; the line of the file, from 1."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise OndeError(
                [
                    _(
                        "Line %(line)d: a quotation mark opens a cell and is never closed. "
                        "Export the file again from ONDE."
                    )
                    % {"line": reader.line_num}
                ]
            ) from None
        if any(cell.strip() for cell in cells):
            yield reader.line_num, [cell.strip() for cell in cells]


def _columns(header, line, required, optional=None):
    """Map field names to the position of their column; refuse a missing one."""
    found = {normalize(name): position for position, name in enumerate(header)}
    if len(header) == 1 and ("," in header[0] or "\t" in header[0]):
        raise OndeError(
            [
                _(
                    "The columns of this file are separated by commas or tabs, not by "
                    "semicolons. Export it again from ONDE, or save it as “CSV "
                    "(semicolon-separated)”."
                )
            ]
        )
    positions, problems = {}, []
    for field, (label, *names) in required.items():
        position = next((found[name] for name in names if name in found), None)
        if position is None:
            problems.append(
                _(
                    "Line %(line)d: the column “%(column)s” is missing. The first line of the "
                    "file must name the columns; this one names: %(found)s."
                )
                % {"line": line, "column": label, "found": ", ".join(header)}
            )
        positions[field] = position
    for field, (_label, *names) in (optional or {}).items():
        positions[field] = next((found[name] for name in names if name in found), None)
    if problems:
        raise OndeError(problems)
    return positions


def _cell(cells, position):
    if position is None or position >= len(cells):
        return ""
    return cells[position]


# Where each value of a file is kept: a value longer than its column there is refused
# here, with its line, rather than by the database when the import is applied.
PUPIL_KEPT_IN = {
    "last_name": ("user", "last_name"),
    "first_name": ("user", "first_name"),
    "class_label": (ClassroomPage, "title"),
}
PARENT_KEPT_IN = {
    "last_name": ("user", "last_name"),
    "first_name": ("user", "first_name"),
    "email": ("user", "email"),
    # Matched against pupils' names: no pupil has a longer one.
    "child_last_name": ("user", "last_name"),
    "child_first_name": ("user", "first_name"),
}


def _too_long(line, value, kept_in, columns):
    """A sentence for each value longer than the model field that keeps it."""
    errors = []
    for field, (model, name) in kept_in.items():
        model = get_user_model() if model == "user" else model
        limit = model._meta.get_field(name).max_length
        length = len(value[field])
        if length > limit:
            errors.append(
                _(
                    "Line %(line)d: the column “%(column)s” holds %(length)d characters; "
                    "Préau keeps at most %(max)d. Shorten it in ONDE or in the file."
                )
                % {"line": line, "column": columns[field][0], "length": length, "max": limit}
            )
    return errors


def _parse_date(value):
    match = _DATE.match(value)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _bad_date(line, value):
    return _(
        "Line %(line)d: the birth date “%(value)s” is not a date written day/month/year, "
        "such as 04/09/2019."
    ) % {"line": line, "value": value}


def _table(data):
    """Decode, read the header and the rows; refuse empty and oversized files."""
    lines = list(_rows(decode(data)))
    if not lines:
        raise OndeError([_("The file is empty.")])
    (header_line, header), rows = lines[0], lines[1:]
    if not rows:
        raise OndeError([_("The file names its columns but holds no line after them.")])
    if len(rows) > MAX_ROWS:
        raise OndeError(
            [
                _(
                    "The file has more than %(max)d lines. Split it into several files, for "
                    "example one per class."
                )
                % {"max": MAX_ROWS}
            ]
        )
    return header_line, header, rows


def _raise_if(problems):
    if not problems:
        return
    if len(problems) > MAX_REPORTED_PROBLEMS:
        extra = len(problems) - MAX_REPORTED_PROBLEMS
        problems = problems[:MAX_REPORTED_PROBLEMS] + [
            _("… and %(count)d more problems.") % {"count": extra}
        ]
    raise OndeError(problems)


def read_pupils(data: bytes, today: date | None = None) -> list[PupilRow]:
    """The pupils of an ONDE export, or `OndeError` listing every line that is wrong."""
    today = today or date.today()
    header_line, header, rows = _table(data)
    columns = _columns(header, header_line, PUPIL_COLUMNS, PUPIL_OPTIONAL_COLUMNS)
    pupils, problems, seen = [], [], {}
    for line, cells in rows:
        value = {field: _cell(cells, position) for field, position in columns.items()}
        value.update({field: clean_name(value[field]) for field in PUPIL_KEPT_IN})
        errors = _too_long(line, value, PUPIL_KEPT_IN, PUPIL_COLUMNS)
        if not value["last_name"]:
            errors.append(_("Line %(line)d: the pupil’s last name is empty.") % {"line": line})
        if not value["first_name"]:
            errors.append(_("Line %(line)d: the pupil’s first name is empty.") % {"line": line})
        birth_date = _parse_date(value["birth_date"])
        if birth_date is None:
            errors.append(_bad_date(line, value["birth_date"]))
        elif birth_date > today:
            errors.append(
                _("Line %(line)d: the birth date %(value)s is in the future.")
                % {"line": line, "value": value["birth_date"]}
            )
        level = _LEVELS.get(normalize(value["level"]))
        if level is None:
            errors.append(
                _(
                    "Line %(line)d: the level “%(value)s” is not one we know. Write one of TPS, "
                    "PS, MS, GS, CP, CE1, CE2, CM1 or CM2."
                )
                % {"line": line, "value": value["level"]}
            )
        if not value["class_label"]:
            errors.append(
                _("Line %(line)d: the class name (column “Libellé classe”) is empty.")
                % {"line": line}
            )
        consent_text = normalize(value["photo_consent"])
        consent = None
        if consent_text in _YES:
            consent = True
        elif consent_text in _NO:
            consent = False
        elif consent_text:
            errors.append(
                _(
                    "Line %(line)d: “%(value)s” in the column “Autorisation photo” should be "
                    "“Oui” or “Non”."
                )
                % {"line": line, "value": value["photo_consent"]}
            )
        if errors:
            problems.extend(errors)
            continue
        pupil = PupilRow(
            line=line,
            last_name=clean_name(value["last_name"]),
            first_name=clean_name(value["first_name"]),
            birth_date=birth_date,
            level=level,
            class_label=clean_name(value["class_label"]),
            photo_consent=consent,
        )
        if pupil.key in seen:
            problems.append(
                _(
                    "Line %(line)d: this is the same pupil as on line %(first)d (%(name)s, born "
                    "on %(date)s). Remove one of the two lines."
                )
                % {
                    "line": line,
                    "first": seen[pupil.key],
                    "name": f"{pupil.first_name} {pupil.last_name}",
                    "date": value["birth_date"],
                }
            )
            continue
        seen[pupil.key] = line
        pupils.append(pupil)
    _raise_if(problems)
    return pupils


def read_parents(data: bytes) -> list[ParentRow]:
    """The parents of an ONDE export, or `OndeError` listing every line that is wrong."""
    header_line, header, rows = _table(data)
    columns = _columns(header, header_line, PARENT_COLUMNS)
    parents, problems = [], []
    for line, cells in rows:
        value = {field: _cell(cells, position) for field, position in columns.items()}
        value.update({field: clean_name(value[field]) for field in PARENT_KEPT_IN})
        errors = _too_long(line, value, PARENT_KEPT_IN, PARENT_COLUMNS)
        if not value["last_name"]:
            errors.append(_("Line %(line)d: the parent’s last name is empty.") % {"line": line})
        if not value["first_name"]:
            errors.append(_("Line %(line)d: the parent’s first name is empty.") % {"line": line})
        email = value["email"].lower()
        # A too long address is said so above, not repeated whole here.
        if email and len(email) <= get_user_model()._meta.get_field("email").max_length:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(
                    _("Line %(line)d: the e-mail address “%(value)s” is not valid.")
                    % {"line": line, "value": value["email"]}
                )
        if not value["child_last_name"] or not value["child_first_name"]:
            errors.append(
                _("Line %(line)d: the pupil’s last name or first name is empty.") % {"line": line}
            )
        birth_date = _parse_date(value["child_birth_date"])
        if birth_date is None:
            errors.append(_bad_date(line, value["child_birth_date"]))
        if errors:
            problems.extend(errors)
            continue
        parents.append(
            ParentRow(
                line=line,
                last_name=clean_name(value["last_name"]),
                first_name=clean_name(value["first_name"]),
                email=email,
                child_last_name=clean_name(value["child_last_name"]),
                child_first_name=clean_name(value["child_first_name"]),
                child_birth_date=birth_date,
            )
        )
    _raise_if(problems)
    return parents
