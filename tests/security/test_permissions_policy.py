"""Permissions-Policy: the microphone and the camera only in the class blog's editor."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

HEADER = "Permissions-Policy"


def features(response) -> dict:
    return dict(part.strip().split("=", 1) for part in response[HEADER].split(","))


def test_the_editor_where_pupils_record_may_use_the_microphone_and_the_camera(client, world):
    client.force_login(world.pupil)
    new = client.get(f"/classes/{world.classroom.pk}/ecrire/")
    assert new.status_code == 200
    assert features(new)["microphone"] == "(self)"
    assert features(new)["camera"] == "(self)"
    entry = factories.BlogEntryPageFactory(parent=world.classroom, title="Brouillon", live=False)
    entry.authors.set([world.pupil])
    entry.save_revision(user=world.pupil)
    edit = client.get(f"/classes/articles/{entry.pk}/modifier/")
    assert edit.status_code == 200
    assert features(edit)["microphone"] == "(self)"


def test_every_other_page_denies_them(client, world):
    pages = ["/", world.school.url, "/compte/connexion/"]
    for url in pages:
        assert features(client.get(url))["microphone"] == "()", url
    client.force_login(world.pupil)
    for url in (world.classroom.url, "/compte/mes-espaces/"):
        policy = features(client.get(url))
        assert policy["microphone"] == policy["camera"] == "()", url
        assert policy["geolocation"] == "()"
