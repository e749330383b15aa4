"""Every enrolment URL, every outsider: anonymous visitors log in, the others get 404.

No 403 anywhere: a page that refuses must not say that the school or the class exists.
"""

import pytest
from django.urls import reverse

from tests import factories
from tests.enrolment.onde_files import PUPILS_HEADER, csv_file

pytestmark = pytest.mark.django_db


def school_urls(world):
    kwargs = {"school_id": world.school.pk}
    return [
        reverse(f"enrolment:{name}", kwargs=kwargs)
        for name in ("school", "class_create", "staff", "import", "import_apply")
    ]


def class_urls(world):
    kwargs = {"classroom_id": world.classroom.pk}
    account = {**kwargs, "user_id": world.pupil.pk}
    return [
        reverse("enrolment:roster", kwargs=kwargs),
        reverse("enrolment:class_edit", kwargs=kwargs),
        reverse("enrolment:pupil_add", kwargs=kwargs),
        reverse("enrolment:parent_add", kwargs={**kwargs, "pupil_id": world.pupil.pk}),
        reverse("enrolment:reset_password", kwargs=account),
        reverse("enrolment:deactivate", kwargs=account),
        reverse("enrolment:reactivate", kwargs=account),
        reverse("enrolment:cards", kwargs=kwargs),
        reverse("enrolment:class_import", kwargs=kwargs),
        reverse("enrolment:class_import_apply", kwargs=kwargs),
    ]


# A POST body that every view would act on if it let the person through.
POST_DATA = {
    "title": "CM2 B",
    "school_year": "2026-2027",
    "level": "CM2",
    "first_name": "Jean",
    "last_name": "Intrus",
    "email": "intrus@example.org",
    "birth_date": "2019-01-01",
    "kind": "pupils",
    "account": "0",
    "digest": "x",
    "class_label": "CP",
}


def post(client, url, world):
    data = {**POST_DATA, "account": str(world.pupil.pk)}
    data["pupils_file"] = _upload()
    return client.post(url, data)


def _upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = csv_file(PUPILS_HEADER, "INTRUS;Jean;01/01/2019;CP;CP;Oui")
    return SimpleUploadedFile("eleves.csv", content, content_type="text/csv")


def assert_untouched(world):
    world.pupil.refresh_from_db()
    assert world.pupil.is_active
    assert world.pupil.check_password("correct-horse-battery")
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(last_name__in=["Intrus", "INTRUS"]).exists()


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    for url in school_urls(world) + class_urls(world):
        for response in (client.get(url), post(client, url, world)):
            assert response.status_code == 302, url
            assert response["Location"].startswith("/compte/connexion/?next="), url
    assert_untouched(world)


@pytest.mark.parametrize("who", ["outsider", "pupil", "parent", "other_pupil"])
def test_people_without_a_role_get_404_everywhere(client, world, who):
    client.force_login(getattr(world, who))
    for url in school_urls(world) + class_urls(world):
        assert client.get(url).status_code == 404, url
        assert post(client, url, world).status_code == 404, url
    assert_untouched(world)


def test_director_of_another_school_gets_404_everywhere(client, world, other_director):
    client.force_login(other_director)
    for url in school_urls(world) + class_urls(world):
        assert client.get(url).status_code == 404, url
        assert post(client, url, world).status_code == 404, url
    assert_untouched(world)


def test_teacher_of_another_class_gets_404_everywhere(client, world, other_teacher):
    client.force_login(other_teacher)
    for url in school_urls(world) + class_urls(world):
        assert client.get(url).status_code == 404, url
        assert post(client, url, world).status_code == 404, url
    assert_untouched(world)


def test_teacher_of_the_class_manages_it_but_not_the_school(client, world):
    client.force_login(world.teacher)
    for url in school_urls(world):
        assert client.get(url).status_code == 404, url
        assert post(client, url, world).status_code == 404, url
    edit = reverse("enrolment:class_edit", kwargs={"classroom_id": world.classroom.pk})
    assert client.get(edit).status_code == 404
    for name in ("roster", "pupil_add", "cards", "class_import"):
        url = reverse(f"enrolment:{name}", kwargs={"classroom_id": world.classroom.pk})
        assert client.get(url).status_code == 200, url


def test_director_reaches_every_page_of_their_school(client, world):
    client.force_login(world.director)
    for name in ("school", "class_create", "staff", "import"):
        url = reverse(f"enrolment:{name}", kwargs={"school_id": world.school.pk})
        assert client.get(url).status_code == 200, url
    for name in ("roster", "class_edit", "pupil_add", "cards", "class_import"):
        url = reverse(f"enrolment:{name}", kwargs={"classroom_id": world.classroom.pk})
        assert client.get(url).status_code == 200, url


def test_actions_only_accept_post(client, world):
    client.force_login(world.teacher)
    account = {"classroom_id": world.classroom.pk, "user_id": world.pupil.pk}
    for name in ("reset_password", "deactivate", "reactivate"):
        assert client.get(reverse(f"enrolment:{name}", kwargs=account)).status_code == 405
    assert_untouched(world)


def test_accounts_outside_the_class_are_404_for_its_teacher(client, world):
    """The class's teacher cannot reach a pupil of another class through their own class."""
    client.force_login(world.teacher)
    for name in ("reset_password", "deactivate"):
        url = reverse(
            f"enrolment:{name}",
            kwargs={"classroom_id": world.classroom.pk, "user_id": world.other_pupil.pk},
        )
        assert client.post(url).status_code == 404
    world.other_pupil.refresh_from_db()
    assert world.other_pupil.is_active
    parent_of_other = reverse(
        "enrolment:parent_add",
        kwargs={"classroom_id": world.classroom.pk, "pupil_id": world.other_pupil.pk},
    )
    assert client.get(parent_of_other).status_code == 404


def test_unknown_ids_are_404(client, world):
    client.force_login(world.director)
    assert client.get(reverse("enrolment:school", kwargs={"school_id": 999999})).status_code == 404
    assert (
        client.get(reverse("enrolment:roster", kwargs={"classroom_id": 999999})).status_code == 404
    )
    # A school's id is not a class's.
    url = reverse("enrolment:roster", kwargs={"classroom_id": world.school.pk})
    assert client.get(url).status_code == 404


def test_import_refuses_a_post_without_csrf_token(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.director)
    url = reverse("enrolment:import", kwargs={"school_id": world.school.pk})
    response = client.post(url, {"school_year": "2026-2027", "pupils_file": _upload()})
    assert response.status_code == 403
    assert_untouched(world)


def test_index_leads_a_director_to_their_school_and_others_nowhere(client, world, portal):
    index = reverse("enrolment:index")
    assert client.get(index).status_code == 302  # to the login page
    client.force_login(world.teacher)
    assert client.get(index).status_code == 404
    client.force_login(world.director)
    response = client.get(index)
    school_url = reverse("enrolment:school", kwargs={"school_id": world.school.pk})
    assert response["Location"] == school_url
    second = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    factories.SchoolStaffFactory(user=world.director, school=second)
    html = client.get(index).content.decode()
    assert "École du Bourg" in html and "École Jean-Jaurès" in html
