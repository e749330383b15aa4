"""Translations of public pages, and a language switcher that says which exist."""

import pytest
from wagtail.models import Locale

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(portal):
    """The portal and one school translated into English; another school left in French."""
    english = Locale.objects.get(language_code="en")
    translated = factories.SchoolPageFactory(parent=portal, title="École Jean-Jaurès")
    untranslated = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    english_portal = portal.copy_for_translation(english)
    english_portal.save_revision().publish()
    english_school = translated.copy_for_translation(english)
    english_school.title = "Jean-Jaurès Elementary School"
    english_school.save_revision().publish()
    return translated, english_school.specific, untranslated


def switcher(html):
    start = html.index('class="language-switcher"')
    return html[start : html.index("</nav>", start)]


def test_switcher_links_to_the_existing_translation(client, english):
    french, translation, _ = english
    links = switcher(client.get(french.url).content.decode())
    assert f'href="{translation.url}"' in links
    assert translation.url.startswith("/en/")
    assert "interface" not in links  # both versions exist


def test_switcher_says_when_a_page_is_not_translated(client, english):
    _, _, untranslated = english
    links = switcher(client.get(untranslated.url).content.decode())
    assert f'href="/en{untranslated.url}"' in links
    assert "seule l’interface change" in links or "interface" in links


def test_translation_is_served_in_english(client, english):
    _, translation, _ = english
    html = client.get(translation.url).content.decode()
    assert "Jean-Jaurès Elementary School" in html
    assert '<html lang="en">' in html


def test_untranslated_page_is_served_under_en_with_its_original_content(client, english):
    _, _, untranslated = english
    response = client.get("/en" + untranslated.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "École du Bourg" in html and '<html lang="en">' in html


def test_missing_pages_still_404_in_english(client, english):
    assert client.get("/en/no-such-school/").status_code == 404


def test_switcher_on_a_plain_view_switches_the_interface(client, db):
    links = switcher(client.get("/compte/connexion/").content.decode())
    assert 'href="/en/compte/connexion/"' in links
    assert 'aria-current="true"' in links


def test_directors_may_translate_their_school_and_edit_the_translation(client, world, portal):
    english = Locale.objects.get(language_code="en")
    portal.copy_for_translation(english).save_revision().publish()
    translation = world.school.copy_for_translation(english)  # as wagtail-localize does
    director = type(world.director).objects.get(pk=world.director.pk)
    assert director.has_perm("wagtail_localize.submit_translation")
    client.force_login(director)
    assert client.get(f"/admin/pages/{translation.pk}/edit/").status_code == 200

    other_school = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    other_director = factories.UserFactory(username="otherdirector")
    factories.SchoolStaffFactory(user=other_director, school=other_school)
    client.force_login(other_director)
    assert client.get(f"/admin/pages/{translation.pk}/edit/").status_code != 200


def test_pupils_and_parents_cannot_translate(world):
    for who in (world.pupil, world.parent, world.teacher):
        fresh = type(who).objects.get(pk=who.pk)
        assert not fresh.has_perm("wagtail_localize.submit_translation")
