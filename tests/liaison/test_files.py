"""A word's files: photos lose their EXIF (a phone's GPS position), documents are checked
by their content, and both are served to the word's readers and followers only."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from liaison.models import WordFile
from tests import factories
from tests.liaison.helpers import last_word, write_to_class

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
PDF = b"%PDF-1.4\n% autorisation de sortie\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def phone_photo():
    exif = Image.Exif()
    exif[GPS_IFD] = {1: "N", 2: (48.0, 51.0, 29.0), 3: "E", 4: (2.0, 17.0, 40.0)}
    output = io.BytesIO()
    Image.new("RGB", (640, 480), (90, 160, 60)).save(output, format="JPEG", exif=exif)
    return output.getvalue()


def download(client, stored):
    url = reverse("liaison:file", kwargs={"file_id": stored.pk, "name": stored.name})
    response = client.get(url)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return response, content


def test_files_are_cleaned_and_served_to_readers_only(client, world):
    client.force_login(world.teacher)
    write_to_class(
        client,
        world.classroom,
        photo=SimpleUploadedFile("ferme.jpg", phone_photo(), content_type="image/jpeg"),
        document=SimpleUploadedFile("autorisation.pdf", PDF, content_type="application/pdf"),
    )
    word = last_word()
    photo = WordFile.objects.get(word=word, kind=WordFile.Kind.PHOTO)
    document = WordFile.objects.get(word=word, kind=WordFile.Kind.DOCUMENT)
    for person in (world.teacher, world.director, world.parent):
        client.force_login(person)
        response, content = download(client, photo)
        assert response.status_code == 200
        with Image.open(io.BytesIO(content)) as picture:
            assert not picture.getexif().get_ifd(GPS_IFD)
        response, content = download(client, document)
        assert content == PDF and "attachment" in response["Content-Disposition"]
    other_parent = factories.UserFactory(username="otherparent")
    factories.GuardianshipFactory(parent=other_parent, child=world.other_pupil)
    for person in (world.pupil, other_parent, world.outsider):
        client.force_login(person)
        assert download(client, photo)[0].status_code == 404
        assert download(client, document)[0].status_code == 404
    # Never from the media address either.
    client.force_login(world.parent)
    assert client.get(f"/media/{photo.file.name}").status_code == 404


def test_a_document_that_lies_about_its_kind_is_refused_and_the_text_kept(client, world):
    client.force_login(world.teacher)
    response = write_to_class(
        client,
        world.classroom,
        text="Voici la liste.",
        document=SimpleUploadedFile("liste.pdf", b"MZ\x90\x00", content_type="application/pdf"),
    )
    assert response.status_code == 200 and last_word() is None
    page = response.content.decode()
    assert "Voici la liste." in page and "liste.pdf" in page
