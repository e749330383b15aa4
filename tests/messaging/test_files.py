"""Files of messages: sent through the conversation's form, served to its people only
with their type and name, photos stripped of their EXIF (a phone's GPS position), and
refused files explained in French and English without losing what was typed."""

import io
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from classrooms.models import Membership
from messaging import services
from messaging.models import Attachment, Conversation, Message
from tests import factories

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
# Where the family lives, as a phone writes it into the photo's EXIF.
GPS_POSITION = {1: "N", 2: (48.0, 51.0, 29.0), 3: "E", 4: (2.0, 17.0, 40.0)}
PDF = b"%PDF-1.4\n% la liste des fournitures\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def conversation(world):
    conversation, _rows = services.start(
        world.parent, [world.teacher.pk], subject="Fournitures", body="<p>Bonjour</p>"
    )
    return conversation


def url_of(conversation, language=None):
    with translation.override(language or "fr"):
        return reverse("messaging:conversation", kwargs={"conversation_id": conversation.pk})


def phone_photo():
    exif = Image.Exif()
    exif[GPS_IFD] = GPS_POSITION
    exif[0x010F] = "Téléphone de Sophie"  # Make
    output = io.BytesIO()
    Image.new("RGB", (640, 480), (90, 160, 60)).save(output, format="JPEG", exif=exif)
    data = output.getvalue()
    with Image.open(io.BytesIO(data)) as check:
        assert dict(check.getexif().get_ifd(GPS_IFD)) == GPS_POSITION
    return data


def send(client, conversation, body="", **files):
    return client.post(url_of(conversation), {"body": body, **files})


def download(client, attachment):
    url = reverse(
        "messaging:attachment", kwargs={"attachment_id": attachment.pk, "name": attachment.name}
    )
    response = client.get(url)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return response, content


def test_a_photo_loses_its_position_and_reaches_the_conversations_people(
    client, world, conversation
):
    client.force_login(world.parent)
    photo = SimpleUploadedFile("sortie.jpg", phone_photo(), content_type="image/jpeg")

    response = send(client, conversation, body="<p>La photo</p>", photo=photo)

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.kind == Attachment.Kind.PHOTO
    with attachment.file.open("rb") as stored, Image.open(stored) as image:
        assert not image.getexif(), dict(image.getexif())
        assert "exif" not in image.info
        assert image.size == (640, 480)
    client.force_login(world.teacher)
    response, content = download(client, attachment)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert not response.get("Content-Disposition", "").startswith("attachment")
    assert b"Sophie" not in content and content.startswith(b"\xff\xd8")


def test_a_document_is_downloaded_with_its_type_and_name(client, world, conversation):
    client.force_login(world.teacher)
    document = SimpleUploadedFile("liste été.pdf", PDF, content_type="application/pdf")

    assert send(client, conversation, document=document).status_code == 302

    attachment = Attachment.objects.get()
    for person in (world.parent, world.teacher):
        client.force_login(person)
        response, content = download(client, attachment)
        assert response.status_code == 200
        assert content == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        disposition = response["Content-Disposition"]
        assert disposition.startswith("attachment;")
        assert f"filename*=utf-8''{quote(attachment.name)}" in disposition


def test_outsiders_get_404_for_a_file_and_so_does_a_wrong_name(client, world, conversation):
    client.force_login(world.teacher)
    send(client, conversation, document=SimpleUploadedFile("liste.pdf", PDF))
    attachment = Attachment.objects.get()
    other_teacher = factories.UserFactory()
    factories.MembershipFactory(
        user=other_teacher, classroom=world.classroom, role=Membership.Role.TEACHER
    )

    # The class's director, another teacher of the class, a pupil, strangers: none is in it.
    for outsider in (world.director, other_teacher, world.pupil, world.other_pupil, world.outsider):
        client.force_login(outsider)
        response, content = download(client, attachment)
        assert response.status_code == 404, outsider
        assert PDF not in content
    client.force_login(world.parent)
    wrong = reverse(
        "messaging:attachment", kwargs={"attachment_id": attachment.pk, "name": "autre.pdf"}
    )
    assert client.get(wrong).status_code == 404
    client.logout()
    response, content = download(client, attachment)
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]
    assert PDF not in content


def refused(client, conversation, language, body, **files):
    """Post a message with a refused file in this language: the page comes back (400)."""
    with translation.override(language):
        response = client.post(url_of(conversation, language), {"body": body, **files})
    assert response.status_code == 400, response.status_code
    return response.content.decode()


REFUSED_TYPE = {
    "fr": "ne peut pas être envoyé : seuls les PDF, textes",
    "en": "cannot be sent: send a PDF, a text, an OpenDocument or an Office file",
}
TOO_LARGE = {
    "fr": "un document peut peser",
    "en": "documents may weigh",
}
NOT_A_PHOTO = {
    "fr": "n’est pas une photo que nous savons lire",
    "en": "This file is not a photo we can read",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_refused_document_is_explained_and_the_text_is_kept(
    client, world, conversation, language
):
    client.force_login(world.parent)
    typed = "Voici le programme de la semaine prochaine"
    before = Message.objects.count()

    # A web page dressed as a PDF, and a program.
    for name, data in (("programme.pdf", b"<html><script>x</script>"), ("jeu.exe", b"MZ\x90")):
        page = refused(
            client, conversation, language, typed, document=SimpleUploadedFile(name, data)
        )
        assert REFUSED_TYPE[language] in page
        assert name in page
        assert typed in page, "what was typed is lost"

    assert Message.objects.count() == before
    assert not Attachment.objects.exists()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_document_too_large_is_explained_and_the_text_is_kept(
    client, world, conversation, settings, language
):
    settings.PREAU_MESSAGE_DOCUMENT_MAX_BYTES = 1000
    client.force_login(world.parent)
    typed = "Le compte rendu du conseil d’école"
    large = SimpleUploadedFile("compte-rendu.pdf", PDF + b"x" * 2000)

    page = refused(client, conversation, language, typed, document=large)

    assert TOO_LARGE[language] in page and "compte-rendu.pdf" in page
    assert typed in page
    assert Message.objects.count() == 1 and not Attachment.objects.exists()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_file_that_is_no_photo_is_explained_and_the_text_is_kept(
    client, world, conversation, language
):
    client.force_login(world.teacher)
    typed = "Regardez notre potager"
    fake = SimpleUploadedFile("potager.jpg", b"<svg onload=alert(1)>", content_type="image/jpeg")

    page = refused(client, conversation, language, typed, photo=fake)

    assert NOT_A_PHOTO[language] in page
    assert typed in page
    assert Message.objects.count() == 1 and not Attachment.objects.exists()


def test_a_refused_file_in_a_new_conversation_keeps_the_recipients_and_subject(client, world):
    client.force_login(world.parent)

    response = client.post(
        reverse("messaging:new"),
        {
            "to": [world.teacher.pk],
            "subject": "Absence de jeudi",
            "body": "Léa sera absente",
            "document": SimpleUploadedFile("certificat.pdf", b"pas un pdf"),
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert REFUSED_TYPE["fr"] in page
    assert 'value="Absence de jeudi"' in page and "Léa sera absente" in page
    assert f'value="{world.teacher.pk}" id="to-{world.teacher.pk}" checked' in page
    assert not Conversation.objects.exists()
