"""A class's files are served only to the people who may see the class."""

import io

import pytest
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def png(colour="red"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def class_image(world):
    world.classroom.refresh_from_db()
    image = get_image_model()(title="Nos haricots", collection=world.classroom.collection)
    image.file = ImageFile(io.BytesIO(png()), name="haricots.png")
    image.save()
    return image


@pytest.fixture
def school_image(world):
    world.school.refresh_from_db()
    image = get_image_model()(title="La cour", collection=world.school.collection)
    image.file = ImageFile(io.BytesIO(png("blue")), name="cour.png")
    image.save()
    return image


@pytest.fixture
def class_document(world):
    world.classroom.refresh_from_db()
    document = get_document_model()(
        title="Liste des fournitures", collection=world.classroom.collection
    )
    document.file = SimpleUploadedFile("fournitures.txt", b"crayons, colle, cahier")
    document.save()
    return document


def urls_of(image):
    rendition = image.get_rendition("width-20")
    return [image.file.url, rendition.url]


def test_members_get_class_images_and_renditions(client, world, class_image):
    for who in (world.pupil, world.parent, world.teacher, world.director):
        client.force_login(who)
        for url in urls_of(class_image):
            response = client.get(url)
            assert response.status_code == 200, (who, url)
            assert b"".join(response.streaming_content)[:4] == b"\x89PNG"
            assert "private" in response["Cache-Control"]


def test_outsiders_get_404_on_class_images(client, world, class_image):
    urls = urls_of(class_image)
    for who in (world.outsider, world.other_pupil):
        client.force_login(who)
        for url in urls:
            assert client.get(url).status_code == 404, (who, url)


def test_anonymous_visitors_are_asked_to_log_in_for_class_files(client, class_image):
    response = client.get(class_image.file.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/connexion/")


def test_public_images_are_served_to_everyone(client, school_image):
    for url in urls_of(school_image):
        response = client.get(url)
        assert response.status_code == 200
        assert "public" in response["Cache-Control"]


def test_class_documents_are_private_on_both_urls(client, world, class_document):
    urls = [class_document.url, class_document.file.url]
    client.force_login(world.outsider)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
    client.force_login(world.parent)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"".join(response.streaming_content) == b"crayons, colle, cahier"


def test_files_that_belong_to_nothing_are_not_served(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "orphan.png").write_bytes(png())
    (tmp_path / "secret.txt").write_text("secret")
    client.force_login(world.teacher)
    assert client.get("/media/original_images/orphan.png").status_code == 404
    assert client.get("/media/secret.txt").status_code == 404
    assert client.get("/media/../manage.py").status_code == 404
    assert client.get("/media/original_images/../secret.txt").status_code == 404


def test_web_server_hand_over_when_configured(client, world, settings, school_image):
    settings.MEDIA_X_ACCEL_REDIRECT = "/protected-media/"
    response = client.get(school_image.file.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + school_image.file.name


@pytest.fixture
def class_recording(world):
    from wagtailmedia import get_media_model

    world.classroom.refresh_from_db()
    recording = get_media_model()(
        title="Léa raconte", type="audio", duration=3, collection=world.classroom.collection
    )
    recording.file = SimpleUploadedFile("lea-raconte.ogg", b"OggS fake recording")
    recording.save()
    return recording


def test_class_recordings_are_private(client, world, class_recording):
    client.force_login(world.other_pupil)
    assert client.get(class_recording.url).status_code == 404
    client.force_login(world.parent)
    response = client.get(class_recording.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"OggS fake recording"
