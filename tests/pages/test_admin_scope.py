"""The admin's choosers, explorer and search show people only their own school's things.

Issue "Public sites": a director of school B never meets school A's pages, images or
documents in the Wagtail admin (pages/admin_scope.py for pages, collection rights and
classrooms/admin_privacy.py for media).
"""

import json
from dataclasses import dataclass

import pytest

from pages.models import NewsIndexPage, NewsPage, SchoolStaff
from tests import factories

pytestmark = pytest.mark.django_db

NEWS = "Kermesse de fin d’année"
SCHOOL_IMAGE = "Façade de l’école"
CLASS_IMAGE = "Léa au potager"
SCHOOL_DOCUMENT = "Règlement intérieur"


@dataclass
class TwoSchools:
    school: object
    section: object
    news: object
    classroom: object
    other_classroom: object
    director: object
    teacher: object  # of the other class of school A, and a teacher of the school
    other_school: object
    other_director: object
    municipality: object
    agent: object


@pytest.fixture
def two_schools(world, portal, media_root):
    section = NewsIndexPage(title="Actualités de Jean-Jaurès", slug="actualites")
    world.school.add_child(instance=section)
    section.save_revision().publish()
    news = NewsPage(title=NEWS, live=False)
    section.add_child(instance=news)
    news.save_revision()
    teacher = factories.UserFactory(username="otherteacher")
    factories.MembershipFactory(user=teacher, classroom=world.other_classroom, role="teacher")
    factories.SchoolStaffFactory(user=teacher, school=world.school, role=SchoolStaff.Role.TEACHER)
    other_school = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    other_director = factories.UserFactory(username="otherdirector")
    factories.SchoolStaffFactory(user=other_director, school=other_school)
    municipality = factories.MunicipalityPageFactory(parent=portal, title="Saint-Aubin")
    agent = factories.UserFactory(username="agent")
    factories.MunicipalityAgentFactory(user=agent, municipality=municipality)
    world.school.refresh_from_db()
    world.classroom.refresh_from_db()
    factories.ImageFactory(collection=world.school.collection, title=SCHOOL_IMAGE)
    factories.ImageFactory(collection=world.classroom.collection, title=CLASS_IMAGE)
    factories.DocumentFactory(collection=world.school.collection, title=SCHOOL_DOCUMENT)
    return TwoSchools(
        world.school,
        section,
        news,
        world.classroom,
        world.other_classroom,
        world.director,
        teacher,
        other_school,
        other_director,
        municipality,
        agent,
    )


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def text(response):
    """A response's text; the page chooser's JSON with its HTML unescaped."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def get(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.get("Location"))
    return text(response)


# Pages


def test_the_page_chooser_offers_the_portal_and_ones_own_school_only(client, two_schools, portal):
    world = two_schools
    content = get(client, world.other_director, f"/admin/choose-page/{portal.pk}/")
    assert "École du Bourg" in content
    assert "École Jean-Jaurès" not in content
    assert "Saint-Aubin" not in content

    content = get(client, world.director, f"/admin/choose-page/{portal.pk}/")
    assert "École Jean-Jaurès" in content
    assert "École du Bourg" not in content


def test_the_page_chooser_root_leads_to_the_portal(client, two_schools, portal):
    content = get(client, two_schools.other_director, "/admin/choose-page/")
    assert portal.title in content


def test_browsing_another_school_in_the_chooser_answers_404(client, two_schools):
    world = two_schools
    client.force_login(world.other_director)
    for parent in (world.school, world.section):
        response = client.get(f"/admin/choose-page/{parent.pk}/")
        assert response.status_code == 404
        assert "Actualités de Jean-Jaurès" not in text(response)
        assert NEWS not in text(response)


def test_searching_the_chooser_finds_nothing_of_another_school(client, two_schools):
    world = two_schools
    url = "/admin/choose-page/search/?q=Kermesse"
    assert NEWS not in get(client, world.other_director, url)
    assert NEWS in get(client, world.director, url)  # the control: search does find it


def test_teachers_choose_pages_of_their_school_but_not_other_classes(client, two_schools):
    world = two_schools
    content = get(client, world.teacher, f"/admin/choose-page/{world.school.pk}/")
    assert "Actualités de Jean-Jaurès" in content
    assert world.other_classroom.title in content  # their own class
    assert world.classroom.title not in content  # a colleague's class
    assert "École du Bourg" not in get(client, world.teacher, "/admin/choose-page/search/?q=cole")


def test_municipal_staff_choose_their_town_site_only(client, two_schools, portal):
    content = get(client, two_schools.agent, f"/admin/choose-page/{portal.pk}/")
    assert "Saint-Aubin" in content
    assert "École Jean-Jaurès" not in content and "École du Bourg" not in content


def test_portal_administrators_choose_anything(client, two_schools, portal):
    admin = factories.UserFactory(username="admin", is_superuser=True, is_staff=True)
    content = get(client, admin, f"/admin/choose-page/{portal.pk}/")
    for title in ("École Jean-Jaurès", "École du Bourg", "Saint-Aubin"):
        assert title in content


def test_explorer_and_page_search_keep_to_ones_own_school(client, two_schools, portal):
    world = two_schools
    urls = [
        f"/admin/pages/{portal.pk}/",
        f"/admin/pages/{world.school.pk}/",
        f"/admin/pages/{world.section.pk}/",
        f"/admin/pages/{portal.pk}/?q=Kermesse&search_all=1",
        "/admin/pages/search/?q=Kermesse",
    ]
    client.force_login(world.other_director)
    for url in urls:
        response = client.get(url)
        if response.status_code == 200:
            assert NEWS not in text(response), url
            assert "Actualités de Jean-Jaurès" not in text(response), url
    assert NEWS in get(client, world.director, "/admin/pages/search/?q=Kermesse")


def test_another_schools_pages_answer_404_at_every_admin_address(client, two_schools):
    """As on the front end: no existence leak (classrooms/admin_privacy.py middleware)."""
    world = two_schools
    client.force_login(world.other_director)
    for page in (world.news, world.section, world.school, world.classroom):
        for url in (
            f"/admin/pages/{page.pk}/edit/",
            f"/admin/pages/{page.pk}/",
            f"/admin/pages/{page.pk}/view_draft/",
            f"/admin/pages/{page.pk}/history/",
            f"/admin/choose-page/{page.pk}/",
            f"/admin/pages/add/pages/newspage/{page.pk}/",
        ):
            response = client.get(url)
            assert response.status_code == 404, url
            assert NEWS not in response.content.decode()
    response = client.post(f"/admin/pages/{world.news.pk}/delete/")
    assert response.status_code == 404
    assert NewsPage.objects.filter(pk=world.news.pk).exists()


def test_a_colleagues_class_answers_404_in_the_admin(client, two_schools):
    client.force_login(two_schools.teacher)
    assert client.get(f"/admin/pages/{two_schools.classroom.pk}/edit/").status_code == 404
    assert client.get(f"/admin/pages/{two_schools.news.pk}/edit/").status_code == 200


def test_ones_own_pages_and_the_way_to_them_open_as_usual(client, two_schools, portal):
    world = two_schools
    client.force_login(world.director)
    for url in (
        f"/admin/pages/{world.school.pk}/",
        f"/admin/pages/{world.news.pk}/edit/",
        f"/admin/choose-page/{portal.pk}/",
    ):
        assert client.get(url).status_code == 200, url


def test_people_without_admin_access_are_still_sent_to_the_admin_login(client, two_schools, world):
    client.force_login(world.pupil)
    response = client.get(f"/admin/pages/{two_schools.news.pk}/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# Images and documents


def test_image_chooser_and_library_keep_to_ones_own_school(client, two_schools):
    world = two_schools
    for url in ("/admin/images/chooser/", "/admin/images/"):
        content = get(client, world.other_director, url)
        assert SCHOOL_IMAGE not in content and CLASS_IMAGE not in content, url
        content = get(client, world.director, url)
        assert SCHOOL_IMAGE in content and CLASS_IMAGE in content, url


def test_teachers_choose_school_images_but_not_other_classes_photos(client, two_schools):
    world = two_schools
    content = get(client, world.teacher, "/admin/images/chooser/")
    assert SCHOOL_IMAGE in content
    assert CLASS_IMAGE not in content
    content = get(client, world.teacher, "/admin/images/chooser/results/?q=potager")
    assert CLASS_IMAGE not in content


def test_the_class_teacher_still_chooses_their_class_photos(client, two_schools, world):
    content = get(client, world.teacher, "/admin/images/chooser/")
    assert CLASS_IMAGE in content


def test_document_chooser_keeps_to_ones_own_school(client, two_schools):
    world = two_schools
    assert SCHOOL_DOCUMENT not in get(client, world.other_director, "/admin/documents/chooser/")
    assert SCHOOL_DOCUMENT in get(client, world.director, "/admin/documents/chooser/")
