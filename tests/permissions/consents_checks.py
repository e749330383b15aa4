"""The families' answers' cells of the permission matrix (matrix.py CONSENTS_RULES),
each checked through a real HTTP request against consents_world.py.

The child's page of answers is for the child's parents, the teachers of the child's
class and the school's director (who record a paper answer) and the portal's
administrator; anyone else gets 404 (anonymous visitors are sent to log in), learns
nothing of the child, and changes nothing."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from consents import answers
from consents.models import ConsentChange

from .consents_world import put_back
from .matrix import PARENT
from .messaging_checks import assert_refused, shows


def _answers(world):
    pupil_id = world.consents.pupil_id
    return answers.answers_of([pupil_id])[pupil_id]


def check_view(client, world, cell):
    cw = world.consents
    url = reverse("consents:child", kwargs={"pupil_id": cw.pupil_id})
    response = client.get(url)
    title = f"Photos, voix et nom de {cw.pupil_first_name}"
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        assert shows(response, title)
        return
    assert_refused(cell, response, url, title)


def check_change(client, world, cell):
    cw = world.consents
    users = get_user_model().objects
    pupil = users.get(pk=cw.pupil_id)
    url = reverse("consents:child", kwargs={"pupil_id": cw.pupil_id})
    data = {name: "yes" if getattr(_answers(world), name) else "no" for name in FIELDS}
    data["voice_school"] = data["voice_public"] = "yes"
    before = ConsentChange.objects.filter(pupil_id=cw.pupil_id).count()
    response = client.post(url, data)
    try:
        if cell.allowed:
            assert response.status_code == 302, response.status_code
            assert answers.allowed(_answers(world), "voice", "public")
            last = ConsentChange.objects.filter(pupil_id=cw.pupil_id).first()
            assert last.changed_by_id == world.users[cell.role].pk
            return
        assert not _answers(world).voice_public, "a refused request changed an answer"
        assert ConsentChange.objects.filter(pupil_id=cw.pupil_id).count() == before
        assert_refused(cell, response, url)
    finally:
        put_back(pupil, users.get(pk=world.users[PARENT].pk))


FIELDS = [
    f"{medium}_{audience}"
    for medium in ("photo", "voice", "video", "full_name")
    for audience in ("school", "public")
]


def exercise_consents_cell(client, world, cell):
    match cell.action:
        case "consent_view":
            check_view(client, world, cell)
        case "consent_change":
            check_change(client, world, cell)
        case _:
            raise AssertionError(f"no check for {cell.action}")
