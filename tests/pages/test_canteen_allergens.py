"""Canteen menus say which of the 14 regulated allergens each dish contains, as a
pictogram with its name, and take their title from their week (Préau issue 23)."""

from datetime import date

import pytest

from pages.models import CanteenMenuPage
from tests import factories

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 12, 7)


@pytest.fixture
def town(portal):
    return factories.MunicipalityPageFactory(parent=portal, title="Saint-Aubin-des-Prés")


def test_each_dish_shows_its_allergens_as_pictograms_with_their_names(client, town):
    menu = factories.CanteenMenuPageFactory(
        parent=town,
        week_start=MONDAY,
        days=[
            (
                "day_menu",
                {
                    "day": "monday",
                    "main_course": "Filet de colin",
                    "main_course_allergens": ["fish"],
                    "dessert": "Gâteau au chocolat",
                    "dessert_allergens": ["milk", "gluten", "eggs"],
                    "labels": [],
                },
            )
        ],
    )
    html = client.get(menu.url).content.decode()
    fish = html.index("Filet de colin")
    cake = html.index("Gâteau au chocolat")
    assert fish < html.index("1f41f.svg") < html.index("Poissons") < cake
    # The regulation's order, each name written beside its picture.
    after_cake = html[cake:]
    assert after_cake.index("Gluten") < after_cake.index("Œufs") < after_cake.index("Lait")
    assert '<img src="/static/vendor/twemoji/1f95b.svg" alt="" width="20" height="20"> Lait' in html
    assert "Fruits à coque" not in html  # only what the dishes contain


def test_the_title_and_address_come_from_the_week(town):
    menu = factories.CanteenMenuPageFactory(parent=town, week_start=MONDAY, title="Semaine 50")
    assert menu.title == "Menus de la semaine du 7 décembre 2026"
    assert menu.slug == "menus-2026-12-07"


def test_the_admin_form_writes_the_title_itself(town):
    form_class = CanteenMenuPage.get_edit_handler().get_form_class()
    data = {
        "title": "Un titre tapé",
        "slug": "",
        "week_start": "07/12/2026",
        "days-count": "0",
        "body-count": "0",
        "intro": "",
    }
    form = form_class(data, instance=CanteenMenuPage(), parent_page=town, for_user=None)
    assert form.fields["title"].disabled and form.fields["title"].help_text
    assert form.is_valid(), form.errors
    page = form.save(commit=False)
    town.add_child(instance=page)
    assert page.title == "Menus de la semaine du 7 décembre 2026"
    assert page.slug == "menus-2026-12-07"
