"""The export of personal data's part of the permission matrix's world (issue 24), built
by conftest.py: an entry of class A1 written by the class's pupil, whose title the index
of the pupil's ZIP must list."""

import json
from dataclasses import dataclass

from tests import factories

from .matrix import PUPIL

ENTRY_TITLE = "Le carnet de bord de la classe"


@dataclass(frozen=True)
class DataExportWorld:
    pupil_id: int
    pupil_username: str
    entry_title: str


def build_dataexport_world(users, classroom):
    pupil = users[PUPIL]
    body = json.dumps([{"type": "text", "value": "<p>Nous avons observé la mare.</p>"}])
    entry = factories.BlogEntryPageFactory(parent=classroom, title=ENTRY_TITLE, body=body)
    entry.authors.set([pupil])
    entry.save()
    return DataExportWorld(
        pupil_id=pupil.pk, pupil_username=pupil.username, entry_title=ENTRY_TITLE
    )
