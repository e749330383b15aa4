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


def test_by_hand_the_cp_goes_to_ce1_and_tom_leaves(client, year_end):
    by_hand = reverse("schoolyear:rollover_by_hand", kwargs={"school_id": year_end.school.pk})
    _upload, apply_url = urls(year_end)
    client.force_login(year_end.director)
    form = client.get(by_hand)
    assert form.status_code == 200
    assert form.context["form"][f"level-{year_end.classroom.pk}"].initial == "CE1"

    preview = client.post(
        by_hand,
        {
            f"class-{year_end.classroom.pk}": "CE1 de Mme Durand",
            f"level-{year_end.classroom.pk}": "CE1",
            f"class-{year_end.other_classroom.pk}": "CM2 de M. Petit",
            f"level-{year_end.other_classroom.pk}": "CM2",
            f"leaves-{year_end.other_pupil.pk}": "on",
        },
    )
    assert preview.status_code == 200, preview.context["form"].errors
    plan = preview.context["plan"]
    assert [leaving.user for leaving in plan.leaving] == [year_end.other_pupil]
    client.post(apply_url, {"fingerprint": plan.fingerprint})

    new_class = ClassroomPage.objects.get(school_year="2027-2028")
    assert new_class.title == "CE1 de Mme Durand"
    assert new_class.memberships.filter(user=year_end.pupil).exists()
    year_end.other_pupil.refresh_from_db()
    assert not year_end.other_pupil.is_active


def test_by_hand_a_class_without_a_name_for_its_pupils_is_refused(client, year_end):
    by_hand = reverse("schoolyear:rollover_by_hand", kwargs={"school_id": year_end.school.pk})
    client.force_login(year_end.director)

    response = client.post(
        by_hand,
        {
            f"class-{year_end.classroom.pk}": "",
            f"level-{year_end.classroom.pk}": "CE1",
            f"class-{year_end.other_classroom.pk}": "CM2",
            f"level-{year_end.other_classroom.pk}": "CM2",
        },
    )

    assert response.status_code == 200 and "plan" not in response.context
    assert response.context["form"].errors
    assert not Rollover.objects.exists()
