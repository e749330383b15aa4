"""Issue 15 (left open by item 14): the Wagtail admin checks recordings and videos by their
content, as the front-end editor does (classrooms/media_form.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtailmedia.models import get_media_model

from tests import factories
from tests.classrooms.test_uploads import MiB, fixture, media_root, mp4  # noqa: F401

Media = get_media_model()


@pytest.fixture
def admin_client(client, media_root):  # noqa: F811
    client.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    return client


def add(client, media_type, name, data, title="Chorale"):
    return client.post(
        reverse("wagtailmedia:add", args=[media_type]),
        {"title": title, "file": SimpleUploadedFile(name, data)},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("media_type", "message"),
    [
        ("audio", "ne contient aucun son"),
        ("video", "ne contient aucune image"),
        ("media", "ne contient aucune image"),
    ],
)
def test_the_admin_refuses_the_issue_s_mp4(admin_client, media_type, message):
    """10 s in its movie header, no track at all, 20 MB."""
    response = add(admin_client, media_type, "chorale.mp4", mp4(10, media_bytes=20 * MiB))
    assert response.status_code == 200  # the form again
    assert message in response.content.decode()
    assert not Media.objects.exists()


@pytest.mark.django_db
def test_the_admin_refuses_a_recording_too_long_for_the_settings(admin_client, settings):
    settings.PREAU_AUDIO_MAX_SECONDS = 2
    response = add(admin_client, "audio", "tone.mp3", fixture("tone.mp3"))
    assert response.status_code == 200
    assert not Media.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("media_type", "name"), [("audio", "tone.m4a"), ("video", "clip.mp4")])
def test_the_admin_takes_real_recordings_and_edits_them(admin_client, media_type, name):
    response = add(admin_client, media_type, name, fixture(name))
    assert response.status_code == 302
    media = Media.objects.get()
    assert media.type == media_type
    suffix = "." + name.rsplit(".", 1)[1]
    edit = reverse("wagtailmedia:edit", args=[media.pk])
    response = admin_client.post(edit, {"title": "Chorale 2026", "collection": media.collection_id})
    assert response.status_code == 302  # the file kept, not checked again
    response = admin_client.post(
        edit,
        {
            "title": "Chorale 2026",
            "collection": media.collection_id,
            "file": SimpleUploadedFile(f"vide{suffix}", mp4(10, media_bytes=1000)),
        },
    )
    assert response.status_code == 200  # a replacement is checked
    media.refresh_from_db()
    assert media.file.name.endswith(suffix)
    assert media.title == "Chorale 2026"


@pytest.mark.django_db
def test_the_chooser_upload_refuses_the_issue_s_mp4(admin_client):
    response = admin_client.post(
        reverse("wagtailmedia:chooser_upload", args=["video"]),
        {
            "media-chooser-upload-title": "Chorale",
            "media-chooser-upload-file": SimpleUploadedFile(
                "chorale.mp4", mp4(10, media_bytes=20 * MiB)
            ),
        },
    )
    assert response.status_code == 200
    assert not Media.objects.exists()
