"""The portal home: a directory of schools and towns, in French and English."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import SchoolLevel
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(portal):
    factories.SchoolPageFactory(
        parent=portal,
        title="École maternelle Les Lilas",
        town="Saint-Aubin-des-Prés",
        level=SchoolLevel.NURSERY,
    )
    factories.SchoolPageFactory(
        parent=portal,
        title="École primaire du Bourg",
        town="Villeneuve-sur-Loire",
        postcode="49000",
    )
    factories.MunicipalityPageFactory(
        parent=portal, title="Mairie de Villeneuve", town="Villeneuve-sur-Loire"
    )
    return portal


def test_portal_lists_schools_and_towns_in_french(client, directory):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert "École maternelle Les Lilas" in html
    assert "École primaire du Bourg" in html
    assert "Mairie de Villeneuve" in html
    assert "Écoles" in html and "Communes" in html
    assert "École maternelle" in html  # the level, translated


def test_portal_speaks_english_under_en(client, directory):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert "Schools" in html and "Towns" in html
    assert "École primaire du Bourg" in html


def test_directory_search_by_town_and_postcode(client, directory):
    html = client.get("/", {"q": "villeneuve"}).content.decode()
    assert "École primaire du Bourg" in html
    assert "Mairie de Villeneuve" in html
    assert "Les Lilas" not in html
    html = client.get("/", {"q": "49000"}).content.decode()
    assert "École primaire du Bourg" in html and "Les Lilas" not in html


def test_unpublished_school_is_not_listed(client, directory):
    factories.SchoolPageFactory(parent=directory, title="École fantôme", live=False)
    assert "École fantôme" not in client.get("/").content.decode()


def test_school_page_works_in_french_and_english(client, directory):
    school = factories.SchoolPageFactory(
        parent=directory,
        title="École Jean-Jaurès",
        address="3 rue des Écoles",
        phone="02 40 00 00 00",
    )
    french = client.get(school.url).content.decode()
    english = client.get("/en" + school.url).content.decode()
    assert "Informations pratiques" in french and "École Jean-Jaurès" in french
    assert "Practical information" in english and "École Jean-Jaurès" in english


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_portal_queries_do_not_grow_with_the_number_of_schools(client, directory):
    client.get("/")  # fills Wagtail's per-process caches (sites, content types)
    few = count_queries(client, "/")
    for number in range(12):
        factories.SchoolPageFactory(parent=directory, title=f"École {number}")
        factories.MunicipalityPageFactory(parent=directory, title=f"Commune {number}")
    assert count_queries(client, "/") == few


def test_every_content_language_has_a_locale_for_translations(db):
    from wagtail.models import Locale

    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {"fr", "en"}
