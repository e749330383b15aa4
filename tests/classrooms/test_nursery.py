"""Nursery mode: pictograms, speech and pictures for pupils who do not read yet.

Which pupils are in it (the class's level, the class's choice, the pupil's own), the
editor they get and what it makes, the teacher's page of pictures and who may use it.
"""

import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from classrooms.models import Appearance, BlogEntryPage, Level, Membership, NurseryMode
from classrooms.nursery import in_nursery_mode, pupil_in_nursery_mode
from tests import factories

pytestmark = pytest.mark.django_db

MEDIA = Path(__file__).resolve().parents[1] / "fixtures" / "media"
TOKEN = re.compile(r'name="once" value="([^"]+)"')


def membership(world, person=None):
    return Membership.objects.get(user=person or world.pupil, classroom=world.classroom)


def set_level(classroom, level, mode=NurseryMode.AUTO):
    classroom.level, classroom.nursery_mode = level, mode
    classroom.save()


def pictures_url(classroom):
    return reverse("classrooms:pictures", kwargs={"classroom_id": classroom.pk})


def new_entry_url(classroom):
    return reverse("classrooms:entry_new", kwargs={"classroom_id": classroom.pk})


@pytest.mark.parametrize(
    ("level", "class_mode", "pupil_mode", "expected"),
    [
        (Level.PS, NurseryMode.AUTO, "", True),
        (Level.GS, NurseryMode.AUTO, "", True),
        (Level.CP, NurseryMode.AUTO, "", False),
        (Level.CP, NurseryMode.ON, "", True),
        (Level.PS, NurseryMode.OFF, "", False),
        (Level.CP, NurseryMode.AUTO, "on", True),  # one pupil of a CP who does not read yet
        (Level.PS, NurseryMode.AUTO, "off", False),  # a nursery pupil who reads already
        (Level.PS, NurseryMode.OFF, "on", True),
        (Level.CE1, NurseryMode.ON, "off", False),
    ],
)
def test_who_is_in_nursery_mode(world, level, class_mode, pupil_mode, expected):
    set_level(world.classroom, level, class_mode)
    Membership.objects.filter(user=world.pupil).update(nursery_mode=pupil_mode)
    assert in_nursery_mode(world.classroom, membership(world)) is expected
    assert pupil_in_nursery_mode(world.pupil, world.classroom) is expected


def test_adults_and_outsiders_are_never_in_nursery_mode(world):
    set_level(world.classroom, Level.PS, NurseryMode.ON)
    assert not pupil_in_nursery_mode(world.teacher, world.classroom)
    assert not pupil_in_nursery_mode(world.director, world.classroom)
    assert not pupil_in_nursery_mode(world.other_pupil, world.classroom)
    # A teacher switched "on" by mistake still gets the full editor.
    Membership.objects.filter(user=world.teacher).update(nursery_mode="on")
    assert not in_nursery_mode(world.classroom, membership(world, world.teacher))


def test_the_editor_a_pupil_gets_follows_the_mode(client, world):
    client.force_login(world.pupil)
    set_level(world.classroom, Level.CP)
    html = client.get(new_entry_url(world.classroom)).content.decode()
    assert "data-editor-toolbar" in html and "vendor/twemoji/1f3a4.svg" not in html
    Membership.objects.filter(user=world.pupil).update(nursery_mode="on")
    html = client.get(new_entry_url(world.classroom)).content.decode()
    assert "vendor/twemoji/1f3a4.svg" in html  # the big microphone
    assert 'capture="environment"' in html and 'accept="image/*"' in html
    assert "data-editor-toolbar" not in html and "data-read-aloud" in html
    assert "Twemoji (CC BY 4.0)" in html
    # The teacher of the class keeps the full editor.
    client.force_login(world.teacher)
    assert "data-editor-toolbar" in client.get(new_entry_url(world.classroom)).content.decode()


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_a_nursery_pupil_sends_a_recording_a_photo_and_classmates(
    client, world, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    set_level(world.classroom, Level.PS)
    friends = [
        factories.UserFactory(username=f"friend{n}", first_name=name)
        for n, name in enumerate(["Adam", "Inès"])
    ]
    for friend in friends:
        factories.MembershipFactory(user=friend, classroom=world.classroom)
    client.force_login(world.pupil)
    html = client.get(new_entry_url(world.classroom)).content.decode()
    voice = SimpleUploadedFile(
        "enregistrement.webm", (MEDIA / "chrome-audio.webm").read_bytes(), "audio/webm"
    )
    response = client.post(
        new_entry_url(world.classroom),
        {
            "once": TOKEN.search(html).group(1),
            "recording": voice,
            "photo": photo(),
            "coauthors": [friends[0].pk],
            "action": "send",
        },
    )
    assert response.status_code == 302 and response.url == world.classroom.url
    entry = BlogEntryPage.objects.child_of(world.classroom).get()
    latest = entry.get_latest_revision_as_object()
    assert latest.title.startswith("Notre enregistrement du")
    assert sorted(b.block_type for b in latest.body) == ["image", "recording"]
    assert set(latest.authors.all()) == {world.pupil, friends[0]}
    heard = Appearance.objects.filter(media__isnull=False).values_list("pupil", flat=True)
    assert set(heard) == {world.pupil.pk, friends[0].pk}
    assert entry.current_workflow_state is not None  # sent to the teacher


def test_classmates_are_shown_by_their_picture_at_a_constant_cost(client, world):
    set_level(world.classroom, Level.MS)
    client.force_login(world.pupil)

    def add_pupils(count, start):
        for n in range(start, start + count):
            pupil = factories.UserFactory(
                username=f"p{n}", first_name=f"Enfant{n}", avatar="1f430" if n % 2 else ""
            )
            factories.MembershipFactory(user=pupil, classroom=world.classroom)

    def cost():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(new_entry_url(world.classroom))
        assert response.status_code == 200
        return len(queries), response.content.decode()

    add_pupils(2, 0)
    cost()  # the first visit fills the caches the others read
    small, _html = cost()
    add_pupils(20, 2)
    large, html = cost()
    assert large == small
    assert html.count('class="friend__input"') == 22
    assert "vendor/twemoji/1f430.svg" in html  # a rabbit for the odd ones
    assert "avatar--initial" in html and ">E</span>" in html  # the others' initial


def test_the_teacher_gives_pictures_and_modes(client, world):
    client.force_login(world.teacher)
    assert client.get(pictures_url(world.classroom)).status_code == 200
    response = client.post(
        pictures_url(world.classroom),
        {
            "class_mode": "on",
            f"avatar-{world.pupil.pk}": "1f98a",
            f"mode-{world.pupil.pk}": "off",
        },
    )
    assert response.status_code == 302
    world.pupil.refresh_from_db()
    world.classroom.refresh_from_db()
    assert world.pupil.avatar == "1f98a"
    assert membership(world).nursery_mode == "off"
    assert world.classroom.nursery_mode == "on"
    assert not pupil_in_nursery_mode(world.pupil, world.classroom)


def test_an_unknown_picture_is_refused(client, world):
    client.force_login(world.teacher)
    response = client.post(
        pictures_url(world.classroom),
        {"class_mode": "auto", f"avatar-{world.pupil.pk}": "1f4a9", f"mode-{world.pupil.pk}": ""},
    )
    assert response.status_code == 400
    world.pupil.refresh_from_db()
    assert world.pupil.avatar == ""


@pytest.mark.parametrize("who", ["pupil", "parent", "other_pupil", "outsider"])
def test_only_those_who_manage_the_class_choose_pictures(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(pictures_url(world.classroom)).status_code == 404
    data = {"class_mode": "on", f"avatar-{world.pupil.pk}": "1f98a"}
    assert client.post(pictures_url(world.classroom), data).status_code == 404
    world.pupil.refresh_from_db()
    world.classroom.refresh_from_db()
    assert world.pupil.avatar == "" and world.classroom.nursery_mode == "auto"


def test_a_teacher_of_another_class_gets_404(client, world):
    other_teacher = factories.UserFactory(username="otherteacher")
    factories.MembershipFactory(
        user=other_teacher, classroom=world.other_classroom, role=Membership.Role.TEACHER
    )
    client.force_login(other_teacher)
    assert client.get(pictures_url(world.classroom)).status_code == 404


def test_the_wall_and_an_entry_speak_to_a_nursery_pupil(client, world):
    set_level(world.classroom, Level.PS)
    entry = factories.BlogEntryPageFactory(
        parent=world.classroom,
        title="Le potager",
        body=[("text", "<p>Nous avons planté des <b>radis</b>.</p>")],
    )
    client.force_login(world.pupil)
    wall = client.get(world.classroom.url).content.decode()
    assert 'data-read-aloud="Raconte à ta classe"' in wall
    page = client.get(entry.url).content.decode()
    assert 'data-read-aloud="Le potager"' in page
    assert 'data-read-aloud="Nous avons planté des radis."' in page
    client.force_login(world.parent)
    assert "data-read-aloud" not in client.get(world.classroom.url).content.decode()
