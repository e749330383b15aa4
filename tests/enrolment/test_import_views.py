"""The ONDE import as a director and a teacher use it: upload, preview, apply, cards."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from classrooms.models import ClassroomPage, Membership
from enrolment import onde
from enrolment.views.onde_import import IMPORT_SESSION_KEY
from tests import factories
from tests.enrolment.onde_files import PUPILS_HEADER, csv_file

pytestmark = pytest.mark.django_db
User = get_user_model()


def upload(data, name="eleves.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.fixture
def director(client, world):
    client.force_login(world.director)
    return client


def preview(client, world, pupils, parents=None):
    data = {"school_year": "2026-2027", "pupils_file": upload(pupils)}
    if parents is not None:
        data["parents_file"] = upload(parents, "responsables.csv")
    return client.post(reverse("enrolment:import", kwargs={"school_id": world.school.pk}), data)


def digest_of(response):
    return re.search(r'name="digest" value="([0-9a-f]+)"', response.content.decode()).group(1)


def apply(client, world, digest):
    return client.post(
        reverse("enrolment:import_apply", kwargs={"school_id": world.school.pk}),
        {"digest": digest},
    )


def test_upload_previews_without_changing_anything(director, world, pupils_csv, parents_csv):
    users = User.objects.count()
    response = preview(director, world, pupils_csv, parents_csv)
    assert response.status_code == 200
    html = response.content.decode()
    assert "MARTIN Zoé" in html and "N&#x27;DIAYE Anaïs" in html and "BERNARD Noël" in html
    assert "CE1 B" in html and "sophie.martin@example.org" in html
    assert User.objects.count() == users
    stored = director.session[IMPORT_SESSION_KEY]
    assert stored["digest"] == digest_of(response)
    assert len(stored["pupils"]) == 3 and len(stored["parents"]) == 3
    # Only the rows read from the files wait in the session, never the files.
    assert "Zoé" in str(stored["pupils"]) and "Nom élève" not in str(stored)


def test_apply_imports_once_and_offers_the_cards(director, world, pupils_csv, parents_csv):
    digest = digest_of(preview(director, world, pupils_csv, parents_csv))
    response = apply(director, world, digest)
    assert response.status_code == 200
    html = response.content.decode()
    cp_a = ClassroomPage.objects.get(title="CP A")
    assert Membership.objects.filter(classroom=cp_a, role="pupil").count() == 2
    assert f'action="/ecole/classe/{cp_a.pk}/cartes/"' in html
    zoe = User.objects.get(first_name="Zoé")
    assert f'name="account" value="{zoe.pk}"' in html
    assert IMPORT_SESSION_KEY not in director.session

    users = User.objects.count()
    response = apply(director, world, digest)  # the back button, or a second click
    assert response.status_code == 302
    assert User.objects.count() == users
    assert "déjà été appliqué" in director.get(response["Location"]).content.decode()

    # The cards of the new accounts, printed from the summary.
    response = director.post(
        reverse("enrolment:cards", kwargs={"classroom_id": cp_a.pk}),
        {"kind": "pupils", "account": [zoe.pk]},
    )
    html = response.content.decode()
    password = re.search(r'class="login-card__password">([^<]+)<', html).group(1)
    zoe.refresh_from_db()
    assert zoe.check_password(password)
    assert "/compte/carte/" in html  # a pupil's card logs in with its QR code


def test_a_stale_preview_cannot_be_applied(director, world, pupils_csv):
    first = digest_of(preview(director, world, pupils_csv))
    other = csv_file(PUPILS_HEADER, "PETIT;Lou;01/03/2019;CP;CP A;Oui")
    second = digest_of(preview(director, world, other))
    assert first != second
    users = User.objects.count()
    response = apply(director, world, first)
    assert response.status_code == 302
    assert User.objects.count() == users
    assert "n’est plus à jour" in director.get(response["Location"]).content.decode()


def test_a_malformed_file_is_explained_and_nothing_is_imported(director, world):
    bad = csv_file(
        PUPILS_HEADER,
        "MARTIN;Zoé;04/09/2019;CP;CP A;Oui",
        "DURAND;Anaïs;12/01/2019;CP;CP A;Non",
        "BERNARD;Noël;30/02/2018;CE1;CE1 B;",
    )
    users = User.objects.count()
    response = preview(director, world, bad)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ligne 4" in html and "30/02/2018" in html
    assert IMPORT_SESSION_KEY not in director.session
    assert 'name="digest"' not in html
    assert User.objects.count() == users
    # What was typed stays chosen.
    assert '<option value="2026-2027" selected>' in html


def test_an_oversized_upload_is_refused_without_reading_it(director, world):
    big = csv_file(PUPILS_HEADER) + b"x" * (onde.MAX_FILE_SIZE + 10)
    response = preview(director, world, big)
    assert "2 Mo" in response.content.decode()
    assert IMPORT_SESSION_KEY not in director.session


def test_teacher_imports_only_their_class(client, world, pupils_csv, parents_csv):
    client.force_login(world.teacher)
    url = reverse("enrolment:class_import", kwargs={"classroom_id": world.classroom.pk})
    response = client.post(
        url,
        {
            "class_label": "CP A",
            "pupils_file": upload(pupils_csv),
            "parents_file": upload(parents_csv),
        },
    )
    assert response.status_code == 200
    digest = digest_of(response)
    response = client.post(
        reverse("enrolment:class_import_apply", kwargs={"classroom_id": world.classroom.pk}),
        {"digest": digest},
    )
    assert response.status_code == 200
    assert set(
        Membership.objects.filter(classroom=world.classroom, role="pupil").values_list(
            "user__first_name", flat=True
        )
    ) == {"Léa", "Zoé", "Anaïs"}
    assert not ClassroomPage.objects.filter(title="CE1 B").exists()
    assert not User.objects.filter(first_name="Noël").exists()


def test_teacher_typing_a_class_name_not_in_the_file_is_told_which_exist(client, world, pupils_csv):
    client.force_login(world.teacher)
    url = reverse("enrolment:class_import", kwargs={"classroom_id": world.classroom.pk})
    response = client.post(url, {"class_label": "CM2", "pupils_file": upload(pupils_csv)})
    html = response.content.decode()
    assert "CE1 B, CP A" in html
    assert 'value="CM2"' in html


def test_a_class_label_too_long_is_refused_at_the_preview(director, world):
    """On PostgreSQL, applying it used to end in a server error (issue 15, item 11)."""
    data = csv_file(PUPILS_HEADER, f"MARTIN;Zoé;04/09/2019;CP;{'C' * 420};Oui")
    response = preview(director, world, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ligne 2" in html and "420 caractères" in html and "255" in html
    assert 'name="digest"' not in html and IMPORT_SESSION_KEY not in director.session


def _tom_in_the_file(world):
    """Tom, a pupil of the school's other class this year, on line 3 of a file of CP A."""
    factories.PupilRecordFactory(
        user=world.other_pupil, school=world.school, birth_date=date(2018, 5, 2), level="CM1"
    )
    return csv_file(
        PUPILS_HEADER,
        "MARTIN;Zoé;04/09/2019;CP;CP A;Oui",
        "PETIT;Tom;02/05/2018;CP;CP A;Oui",
    )


def test_a_teachers_import_does_not_move_a_pupil_out_of_a_class_she_does_not_manage(client, world):
    """As "Add a pupil" refuses it (issue 15 review): the line is refused, Tom stays."""
    pupils = _tom_in_the_file(world)
    client.force_login(world.teacher)
    response = client.post(
        reverse("enrolment:class_import", kwargs={"classroom_id": world.classroom.pk}),
        {"class_label": "CP A", "pupils_file": upload(pupils)},
    )
    html = response.content.decode()
    assert "Ligne 3" in html and "PETIT Tom" in html and "CM1 de M. Petit" in html
    assert "vous ne gérez pas" in html
    response = client.post(
        reverse("enrolment:class_import_apply", kwargs={"classroom_id": world.classroom.pk}),
        {"digest": digest_of(response)},
    )
    assert response.status_code == 200
    tom = Membership.objects.get(user=world.other_pupil, role="pupil")
    assert tom.classroom_id == world.other_classroom.pk
    world.other_pupil.pupil_record.refresh_from_db()
    assert world.other_pupil.pupil_record.level == "CM1"
    # The rest of the file is imported.
    assert Membership.objects.filter(classroom=world.classroom, user__first_name="Zoé").exists()


def test_a_directors_class_import_still_moves_a_pupil_between_her_classes(client, world):
    pupils = _tom_in_the_file(world)
    client.force_login(world.director)
    response = client.post(
        reverse("enrolment:class_import", kwargs={"classroom_id": world.classroom.pk}),
        {"class_label": "CP A", "pupils_file": upload(pupils)},
    )
    assert "vous ne gérez pas" not in response.content.decode()
    client.post(
        reverse("enrolment:class_import_apply", kwargs={"classroom_id": world.classroom.pk}),
        {"digest": digest_of(response)},
    )
    tom = Membership.objects.get(user=world.other_pupil, role="pupil")
    assert tom.classroom_id == world.classroom.pk
