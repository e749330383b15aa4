"""The portal home translated into English: it still lists every school and town of the
original tree, each linked to its English translation when there is one, else to the
original under /en/ (home/directory.py)."""

import pytest
from wagtail.models import Locale

from pages.models import SchoolLevel
from tests import factories

from .test_portal import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_portal(portal):
    """The portal home in English, one school of two translated, a town not translated."""
    english = Locale.objects.get(language_code="en")
    translated = factories.SchoolPageFactory(
        parent=portal, title="École élémentaire Jean-Jaurès", town="Saint-Aubin-des-Prés"
    )
    untranslated = factories.SchoolPageFactory(
        parent=portal,
        title="École maternelle Les Lilas",
        town="Saint-Aubin-des-Prés",
        level=SchoolLevel.NURSERY,
    )
    town = factories.MunicipalityPageFactory(
        parent=portal, title="Mairie de Villeneuve", town="Villeneuve-sur-Loire"
    )
    portal_en = portal.copy_for_translation(english)
    portal_en.title = "The schools' portal"
    portal_en.intro = "<p>Welcome to the schools of two towns.</p>"
    portal_en.save_revision().publish()
    school_en = translated.copy_for_translation(english)
    school_en.title = "Jean-Jaurès Elementary School"
    school_en.save_revision().publish()
    return {
        "portal": portal_en.specific,
        "translated": translated,
        "translation": school_en.specific,
        "untranslated": untranslated,
        "town": town,
    }


def section(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_english_home_lists_every_school_with_english_title_and_intro(client, english_portal):
    french = section(client.get("/").content.decode(), "schools-heading")
    html = client.get("/en/").content.decode()
    schools = section(html, "schools-heading")
    assert "<h1>The schools&#x27; portal</h1>" in html or "<h1>The schools' portal</h1>" in html
    assert "Welcome to the schools of two towns." in html
    assert schools.count('class="card"') == french.count('class="card"') == 2
    assert "Jean-Jaurès Elementary School" in schools
    assert "École élémentaire Jean-Jaurès" not in schools
    assert "École maternelle Les Lilas" in schools
    assert "Mairie de Villeneuve" in section(html, "towns-heading")


def test_english_directory_links_to_translations_else_to_originals_under_en(client, english_portal):
    html = client.get("/en/").content.decode()
    translation, untranslated = english_portal["translation"], english_portal["untranslated"]
    assert f'href="{translation.url}"' in html and translation.url.startswith("/en/")
    # The original, in English words around it, and marked as French for screen readers.
    assert f'href="/en{untranslated.url}" lang="fr">École maternelle Les Lilas' in html
    assert f'href="/en{english_portal["town"].url}" lang="fr"' in html
    assert client.get(f"/en{untranslated.url}").status_code == 200


def test_french_home_keeps_french_titles_and_addresses(client, english_portal):
    html = client.get("/").content.decode()
    translated = english_portal["translated"]
    assert f'href="{translated.url}">École élémentaire Jean-Jaurès' in html
    assert "Jean-Jaurès Elementary School" not in html and "/en/" not in section(
        html, "schools-heading"
    )


def test_english_directory_finds_a_school_by_its_english_name(client, english_portal):
    html = section(client.get("/en/", {"q": "elementary"}).content.decode(), "schools-heading")
    assert "Jean-Jaurès Elementary School" in html and "Les Lilas" not in html


def test_english_home_shows_the_portal_news_in_english_when_translated(client, english_portal):
    english = Locale.objects.get(language_code="en")
    french_portal = english_portal["translated"].get_parent()
    news = factories.NewsIndexPageFactory(parent=french_portal)
    item = factories.NewsPageFactory(parent=news, title="Le portail ouvre ses portes")
    factories.NewsPageFactory(parent=news, title="La chorale chante")
    news.copy_for_translation(english).save_revision().publish()
    item_en = item.copy_for_translation(english)
    item_en.title = "The portal opens"
    item_en.save_revision().publish()
    html = section(client.get("/en/").content.decode(), "portal-news-heading")
    assert f'href="{item_en.url}"' in html and "The portal opens" in html
    assert "La chorale chante" in html and "Le portail ouvre ses portes" not in html


def test_english_directory_queries_do_not_grow_with_schools(client, english_portal):
    english = Locale.objects.get(language_code="en")
    french_portal = english_portal["translated"].get_parent()
    client.get("/en/")
    few = count_queries(client, "/en/")
    for number in range(8):
        school = factories.SchoolPageFactory(parent=french_portal, title=f"École {number}")
        factories.MunicipalityPageFactory(parent=french_portal, title=f"Commune {number}")
        if number % 2:
            school.copy_for_translation(english).save_revision().publish()
    html = client.get("/en/").content.decode()
    assert section(html, "schools-heading").count('class="card"') == 10
    assert count_queries(client, "/en/") == few
    # A search matching every site costs what one matching a school and a town does.
    assert count_queries(client, "/en/?q=e") == count_queries(client, "/en/?q=1")
