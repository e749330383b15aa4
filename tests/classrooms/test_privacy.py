"""A class space is private: members, their pupils' parents and the director only."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(world):
    return factories.BlogEntryPageFactory(parent=world.classroom, title="Nos plantations")


def test_anonymous_visitors_are_sent_to_login(client, world, entry):
    for url in (world.classroom.url, entry.url):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/compte/connexion/?next=")


@pytest.mark.parametrize("who", ["teacher", "pupil", "parent", "director"])
def test_people_of_the_class_see_it(client, world, entry, who):
    client.force_login(getattr(world, who))
    for url in (world.classroom.url, entry.url):
        response = client.get(url)
        assert response.status_code == 200, (who, url)
    assert "Nos plantations" in client.get(world.classroom.url).content.decode()


@pytest.mark.parametrize("who", ["outsider", "other_pupil"])
def test_outsiders_get_404_and_no_content(client, world, entry, who):
    client.force_login(getattr(world, who))
    for url in (world.classroom.url, entry.url):
        response = client.get(url)
        assert response.status_code == 404, (who, url)
        assert b"Nos plantations" not in response.content


def test_director_of_another_school_gets_404(client, world, portal, entry):
    other_school = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    other_director = factories.UserFactory(username="otherdirector")
    factories.SchoolStaffFactory(user=other_director, school=other_school)
    client.force_login(other_director)
    assert client.get(world.classroom.url).status_code == 404


def test_inactive_member_loses_access(client, world):
    world.pupil.is_active = False
    world.pupil.save()
    client.force_login(world.pupil)
    assert client.get(world.classroom.url).status_code != 200


def test_class_spaces_are_left_out_of_the_sitemap(client, world, entry):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert world.school.slug.encode() in response.content
    assert world.classroom.slug.encode() not in response.content
    assert entry.slug.encode() not in response.content


def test_class_spaces_are_left_out_of_search(world, entry):
    from wagtail.models import Page

    results = Page.objects.live().search("plantations")
    assert entry.pk not in [page.pk for page in results]
