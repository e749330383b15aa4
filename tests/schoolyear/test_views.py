"""The director's rollover through HTTP: upload, preview, apply once; everyone else 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from classrooms.models import ClassroomPage
from schoolyear.models import Rollover

pytestmark = pytest.mark.django_db


def urls(world):
    kwargs = {"school_id": world.school.pk}
    return reverse("schoolyear:rollover", kwargs=kwargs), reverse(
        "schoolyear:rollover_apply", kwargs=kwargs
    )


def upload(client, url, data):
    return client.post(url, {"pupils_file": SimpleUploadedFile("eleves.csv", data)})


def test_only_the_director_reaches_the_rollover(client, year_end):
    upload_url, apply_url = urls(year_end)
    for person in (year_end.teacher, year_end.parent, year_end.pupil, year_end.outsider):
        client.force_login(person)
        assert client.get(upload_url).status_code == 404
        assert client.post(apply_url).status_code == 404
    client.force_login(year_end.director)
    assert client.get(upload_url).status_code == 200
    school = client.get(reverse("enrolment:school", kwargs={"school_id": year_end.school.pk}))
    assert upload_url in school.content.decode()


def test_preview_then_apply_then_a_second_click(client, year_end, next_year_csv):
    upload_url, apply_url = urls(year_end)
    client.force_login(year_end.director)

    preview = upload(client, upload_url, next_year_csv)
    html = preview.content.decode()
    assert preview.status_code == 200 and "CE1 de Mme Durand" in html
    assert "Tom" in html  # listed among those who leave
    assert not ClassroomPage.objects.filter(closed_on__isnull=False).exists()
    fingerprint = preview.context["plan"].fingerprint

    done = client.post(
        apply_url, {"fingerprint": fingerprint, "teacher-0": str(year_end.teacher.pk)}
    )
    assert done.status_code == 200
    html = done.content.decode()
    assert year_end.other_pupil.get_full_name() in html  # closed, with its deletion date
    assert done.context["result"].closed_accounts[0].delete_on.strftime("%Y") in html
    assert Rollover.objects.count() == 1

    again = client.post(apply_url, {"fingerprint": fingerprint}, follow=True)
    assert "out of date" in again.content.decode() or "plus à jour" in again.content.decode()
    assert Rollover.objects.count() == 1


def test_a_wrong_file_comes_back_with_a_message_and_nothing_changed(
    client, year_end, other_school_csv
):
    upload_url, _apply = urls(year_end)
    client.force_login(year_end.director)

    response = upload(client, upload_url, other_school_csv)

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not ClassroomPage.objects.filter(closed_on__isnull=False).exists()


def test_an_outdated_preview_is_refused_with_a_message(client, year_end, next_year_csv):
    upload_url, apply_url = urls(year_end)
    client.force_login(year_end.director)
    upload(client, upload_url, next_year_csv)

    response = client.post(apply_url, {"fingerprint": "old"}, follow=True)

    assert response.redirect_chain[-1][0] == upload_url
    assert not Rollover.objects.exists()
