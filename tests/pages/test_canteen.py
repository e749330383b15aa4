"""Canteen menus: one page per week starting on a Monday, listed on the town's home."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pages.models import CanteenMenuPage, monday_of
from tests import factories

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 3, 2)


@pytest.fixture
def town(portal):
    return factories.MunicipalityPageFactory(parent=portal, title="Saint-Aubin-des-Prés")


def day(name, main, **fields):
    return ("day_menu", {"day": name, "main_course": main, "labels": [], **fields})


def test_week_start_must_be_a_monday(town):
    for weekday in range(1, 7):
        with pytest.raises(ValidationError) as error:
            factories.CanteenMenuPageFactory(
                parent=town, week_start=MONDAY + timedelta(days=weekday)
            )
        assert "week_start" in error.value.message_dict
    menu = factories.CanteenMenuPageFactory(parent=town, week_start=MONDAY)
    assert menu.pk and menu.week_start == MONDAY


def test_new_menus_default_to_this_or_next_monday():
    default = CanteenMenuPage._meta.get_field("week_start").get_default()
    today = timezone.localdate()
    assert default.weekday() == 0
    assert today <= default < today + timedelta(days=7)


def test_admin_form_refuses_a_second_menu_for_the_same_week(town, rf):
    factories.CanteenMenuPageFactory(parent=town, week_start=MONDAY, title="Semaine 10")
    form_class = CanteenMenuPage.get_edit_handler().get_form_class()
    data = {
        "title": "Semaine 10 bis",
        "slug": "semaine-10-bis",
        "week_start": MONDAY.isoformat(),
        "days-count": "0",
        "body-count": "0",
        "intro": "",
    }
    form = form_class(data, instance=CanteenMenuPage(), parent_page=town, for_user=None)
    assert not form.is_valid()
    assert "week_start" in form.errors
    data["week_start"] = (MONDAY + timedelta(days=7)).isoformat()
    form = form_class(data, instance=CanteenMenuPage(), parent_page=town, for_user=None)
    form.is_valid()
    assert "week_start" not in form.errors


def test_days_are_shown_in_weekday_order_with_their_dates(client, town):
    menu = factories.CanteenMenuPageFactory(
        parent=town,
        week_start=MONDAY,
        days=[
            day("friday", "Poisson pané", labels=["local"]),
            day("monday", "Poulet basquaise", starter="Carottes râpées"),
            day("thursday", "Filet de colin"),
        ],
    )
    assert [(d, block.value["day"]) for d, block in menu.menu_days()] == [
        (MONDAY, "monday"),
        (MONDAY + timedelta(days=3), "thursday"),
        (MONDAY + timedelta(days=4), "friday"),
    ]
    html = client.get("/en" + menu.url).content.decode()
    positions = [
        html.index(dish) for dish in ("Poulet basquaise", "Filet de colin", "Poisson pané")
    ]
    assert positions == sorted(positions)
    assert 'datetime="2026-03-02"' in html and 'datetime="2026-03-06"' in html
    assert "Carottes râpées" in html and "tag--local" in html


def test_menu_links_to_the_previous_and_next_weeks(client, town):
    weeks = [
        factories.CanteenMenuPageFactory(parent=town, week_start=MONDAY + timedelta(weeks=n))
        for n in range(3)
    ]
    html = client.get(weeks[1].url).content.decode()
    assert f'href="{weeks[0].url}" rel="prev"' in html
    assert f'href="{weeks[2].url}" rel="next"' in html
    html = client.get(weeks[0].url).content.decode()
    assert 'rel="prev"' not in html


def test_town_home_lists_this_week_and_next_week_only(client, town):
    this_monday = monday_of(timezone.localdate())
    for offset in (-7, 0, 7, 14):
        factories.CanteenMenuPageFactory(
            parent=town,
            week_start=this_monday + timedelta(days=offset),
            days=[day("monday", f"Plat {offset}")],
        )
    draft = factories.CanteenMenuPageFactory(
        parent=town, week_start=this_monday + timedelta(days=21), live=False
    )
    html = client.get("/en" + town.url).content.decode()
    assert "Canteen menus" in html
    assert html.index("Plat 0") < html.index("Plat 7")
    assert "Plat -7" not in html and "Plat 14" not in html
    assert draft.title not in html
