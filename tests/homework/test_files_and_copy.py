"""A session's files (photos without EXIF, documents checked by their bytes) served to
the class only; copies of a session or a week, from this class or last year's."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from classrooms.models import Membership, PupilGroup
from homework.models import Audience, HomeworkItem, Session, SessionFile
from tests import factories
from tests.homework.test_flow import session_data

pytestmark = pytest.mark.django_db


def photo_with_exif():
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile("tableau.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_files_are_cleaned_and_served_to_the_class_only(client, diary):
    client.force_login(diary.world.teacher)
    url = reverse("homework:session_new", kwargs={"classroom_id": diary.world.classroom.pk})
    data = session_data(diary)
    data["photo"] = photo_with_exif()
    data["document"] = SimpleUploadedFile("fiche.pdf", b"%PDF-1.4\n%%EOF\n")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    photo = SessionFile.objects.get(kind=SessionFile.Kind.PHOTO)
    document = SessionFile.objects.get(kind=SessionFile.Kind.DOCUMENT)
    with photo.file.open("rb") as stored:
        assert b"PhoneMaker" not in stored.read()
    photo_url = reverse("homework:file", kwargs={"file_id": photo.pk, "name": photo.name})
    document_url = reverse("homework:file", kwargs={"file_id": document.pk, "name": document.name})
    for person in (diary.grouped, diary.world.parent, diary.world.director, diary.assistant):
        client.force_login(person)
        response = client.get(document_url)
        assert response.status_code == 200, person
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    for person in (diary.world.outsider, diary.world.other_pupil):
        client.force_login(person)
        assert client.get(photo_url).status_code == 404
        assert client.get(document_url).status_code == 404
    client.logout()
    assert client.get(document_url).status_code in (302, 404)
    # Never through the media URL, which serves only the class collections' files.
    client.force_login(diary.grouped)
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_a_disguised_document_is_refused_and_nothing_saved(client, diary):
    client.force_login(diary.world.teacher)
    url = reverse("homework:session_new", kwargs={"classroom_id": diary.world.classroom.pk})
    data = session_data(diary)
    data["document"] = SimpleUploadedFile("fiche.pdf", b"<script>alert(1)</script>")
    response = client.post(url, data)
    assert response.status_code == 200
    assert not Session.objects.exists()
    assert "Lecture : Le loup" in response.content.decode()


def test_a_week_is_copied_from_last_years_class_without_its_groups_and_links(client, diary):
    world = diary.world
    last_year = factories.ClassroomPageFactory(
        parent=world.school, title="CP 2025", school_year="2025-2026"
    )
    factories.MembershipFactory(
        user=world.teacher, classroom=last_year, role=Membership.Role.TEACHER
    )
    old_group = PupilGroup.objects.create(classroom=last_year, name="Anciens")
    entry = factories.BlogEntryPageFactory(parent=last_year, title="Sortie")
    monday = datetime.date(2025, 9, 8)
    first = factories.HomeworkSessionFactory(classroom=last_year, date=monday, title="Lundi")
    first.links.add(entry)
    factories.HomeworkItemFactory(
        session=first, due_date=monday + datetime.timedelta(days=1), text="Lire"
    )
    factories.HomeworkItemFactory(
        session=first,
        due_date=monday + datetime.timedelta(days=2),
        text="Fiche",
        audience=Audience.GROUP,
        group=old_group,
    )
    factories.HomeworkSessionFactory(
        classroom=last_year, date=monday + datetime.timedelta(days=3), title="Jeudi"
    )
    client.force_login(world.teacher)
    url = reverse("homework:copy", kwargs={"classroom_id": world.classroom.pk})
    page = client.get(url, {"source": last_year.pk, "week": "2025-09-10"}).content.decode()
    assert "Lundi" in page and "Jeudi" in page
    target = datetime.date(2026, 9, 7)
    response = client.post(
        url, {"source": last_year.pk, "week": "2025-09-10", "target": target.isoformat()}
    )
    assert response.status_code == 302
    copies = list(Session.objects.filter(classroom=world.classroom).order_by("date"))
    assert [(s.title, s.date) for s in copies] == [
        ("Lundi", target),
        ("Jeudi", target + datetime.timedelta(days=3)),
    ]
    items = list(HomeworkItem.objects.filter(session=copies[0]).order_by("due_date"))
    assert [(i.text, i.due_date, i.audience, i.group) for i in items] == [
        ("Lire", target + datetime.timedelta(days=1), Audience.CLASS, None),
        ("Fiche", target + datetime.timedelta(days=2), Audience.CLASS, None),
    ]
    assert not copies[0].links.exists()
    shown = [str(m) for m in response.wsgi_request._messages]
    assert len(shown) == 3  # copied, a link left out, an item widened


def test_a_single_session_is_copied_within_the_class_with_its_group(client, diary):
    source = factories.HomeworkSessionFactory(
        classroom=diary.world.classroom, date=diary.today, title="À copier"
    )
    factories.HomeworkSessionFactory(classroom=diary.world.classroom, date=diary.today, title="Non")
    factories.HomeworkItemFactory(
        session=source, audience=Audience.GROUP, group=diary.group, text="Hiboux"
    )
    client.force_login(diary.world.teacher)
    url = reverse("homework:copy", kwargs={"classroom_id": diary.world.classroom.pk})
    target = diary.today + datetime.timedelta(days=7)
    response = client.post(
        url,
        {
            "source": diary.world.classroom.pk,
            "week": diary.today.isoformat(),
            "target": target.isoformat(),
            "session": source.pk,
        },
    )
    assert response.status_code == 302
    copy = Session.objects.get(date=target)
    assert copy.title == "À copier" and copy.items.get().group == diary.group


def test_a_class_the_teacher_never_taught_is_no_source(client, diary):
    factories.HomeworkSessionFactory(classroom=diary.world.other_classroom, date=diary.today)
    client.force_login(diary.world.teacher)
    url = reverse("homework:copy", kwargs={"classroom_id": diary.world.classroom.pk})
    response = client.post(
        url,
        {
            "source": diary.world.other_classroom.pk,
            "week": diary.today.isoformat(),
            "target": diary.today.isoformat(),
        },
    )
    assert response.status_code == 200
    assert not Session.objects.filter(classroom=diary.world.classroom).exists()
