"""The export of personal data's cells of the permission matrix (matrix.py
DATAEXPORT_RULES), each checked through a real HTTP request against dataexport_world.py.

Allowed, the answer is a ZIP whose data.json is the right person's and whose index lists
their entry; a member of staff's export is recorded (then the record is removed, so the
next cell starts clean). Refused, anonymous visitors are sent to log in, everyone else
gets 404, nothing of the pupil is sent and nothing is recorded.
"""

import io
import json
import zipfile

from django.urls import reverse

from dataexport.models import ExportRecord

from .matrix import ADMIN, DIRECTOR, TEACHER
from .messaging_checks import assert_refused, content_of

STAFF = {TEACHER, DIRECTOR, ADMIN}


def _archive(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(content_of(response)))


def check_own_data(client, world, cell):
    url = reverse("dataexport:mine")
    response = client.get(url)
    if cell.allowed:
        data = json.loads(_archive(response).read("data.json"))
        assert data["profile"][0]["username"] == world.users[cell.role].username
        return
    assert_refused(cell, response, url)


def check_pupil_data(client, world, cell):
    dw = world.dataexport
    url = reverse("dataexport:person", kwargs={"user_id": dw.pupil_id})
    try:
        response = client.get(url)
        if cell.allowed:
            archive = _archive(response)
            data = json.loads(archive.read("data.json"))
            assert data["profile"][0]["username"] == dw.pupil_username
            assert dw.entry_title in archive.read("index.html").decode()
            recorded = ExportRecord.objects.filter(person_id=dw.pupil_id).count()
            assert recorded == (1 if cell.role in STAFF else 0), recorded
            return
        assert_refused(cell, response, url, dw.entry_title)
        assert not ExportRecord.objects.exists(), "a refused export was recorded"
    finally:
        ExportRecord.objects.all().delete()


def exercise_dataexport_cell(client, world, cell):
    match cell.action:
        case "data_own_download":
            check_own_data(client, world, cell)
        case "data_pupil_download":
            check_pupil_data(client, world, cell)
        case _:
            raise AssertionError(f"no request for the action {cell.action!r}")
