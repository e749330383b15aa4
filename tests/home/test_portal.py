"""The portal home: a directory of schools and towns, in French and English."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from pages.models import SchoolLevel, SchoolPage
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
    # The rendering is counted, not the whole-page cache for anonymous visitors.
    with override_settings(PREAU_PAGE_CACHE_SECONDS=0):
        client.get(url)  # what requests keep is read once after a change, then kept
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


def test_directory_filters_schools_by_level(client, directory):
    html = client.get("/en/", {"level": SchoolLevel.NURSERY}).content.decode()
    assert "École maternelle Les Lilas" in html
    assert "École primaire du Bourg" not in html
    assert "Mairie de Villeneuve" in html  # towns have no level: they stay listed
    assert '<option value="nursery" selected>' in html

    html = client.get("/en/", {"level": SchoolLevel.PRIMARY, "q": "lilas"}).content.decode()
    assert "No school matches this search." in html


def test_directory_ignores_an_unknown_level(client, directory):
    for level in ("college", "", "NURSERY", "nursery'--"):
        html = client.get("/en/", {"level": level}).content.decode()
        assert "École maternelle Les Lilas" in html and "École primaire du Bourg" in html, level
        assert " selected>" not in html.split('id="directory-level"')[1].split("</select>")[0]


def test_portal_shows_its_own_news_not_the_schools(client, directory):
    portal_news = factories.NewsIndexPageFactory(parent=directory)
    factories.NewsPageFactory(parent=portal_news, title="Le portail ouvre ses portes")
    factories.NewsPageFactory(parent=portal_news, title="Brouillon du portail", live=False)
    school = directory.get_children().type(SchoolPage).first()
    factories.NewsPageFactory(
        parent=factories.NewsIndexPageFactory(parent=school), title="Nouvelle d'une école"
    )
    html = client.get("/en/").content.decode()
    news = html[html.index('id="portal-news-heading"') :]
    assert "Le portail ouvre ses portes" in news
    assert "Brouillon" not in news and "Nouvelle d'une école" not in news


def test_portal_queries_do_not_grow_with_news(client, directory):
    portal_news = factories.NewsIndexPageFactory(parent=directory)
    factories.NewsPageFactory(parent=portal_news)
    client.get("/")
    few = count_queries(client, "/")
    for _number in range(6):
        factories.NewsPageFactory(parent=portal_news)
        school = factories.SchoolPageFactory(parent=directory)
        factories.NewsPageFactory(parent=factories.NewsIndexPageFactory(parent=school))
    assert count_queries(client, "/") == few
    assert count_queries(client, "/?level=primary&q=bourg") == few
