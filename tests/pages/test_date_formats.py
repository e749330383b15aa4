"""One way of writing dates per language, and an event's day written once (Préau issue 23):
"13 décembre 2026, 18:00 – 20:00", "13 December 2026" in English; day/month/year in the
admin's date fields in both languages."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django import forms
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import strip_tags
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from pages.templatetags.event_dates import event_span

PARIS = ZoneInfo("Europe/Paris")


def test_a_date_reads_the_same_way_in_each_language():
    day = date(2026, 12, 13)
    with translation.override("fr"):
        assert date_format(day, "DATE_FORMAT") == "13 décembre 2026"
    with translation.override("en"):
        assert date_format(day, "DATE_FORMAT") == "13 December 2026"


def test_an_evening_event_gives_its_date_once():
    start = datetime(2026, 12, 13, 18, 0, tzinfo=PARIS)
    end = datetime(2026, 12, 13, 20, 0, tzinfo=PARIS)
    with translation.override("fr"):
        assert strip_tags(event_span(start, end)) == "13 décembre 2026, 18:00 – 20:00"
    with translation.override("en"):
        assert strip_tags(event_span(start, end)) == "13 December 2026, 18:00 – 20:00"
        two_days = datetime(2026, 12, 14, 12, 0, tzinfo=PARIS)
        assert strip_tags(event_span(start, two_days)) == (
            "13 December 2026, 18:00 – 14 December 2026, 12:00"
        )


def test_the_admin_s_date_fields_write_day_month_year_in_every_language():
    assert "07/12/2026" in AdminDateInput().render("day", date(2026, 12, 7))
    assert "07/12/2026 18:30" in AdminDateTimeInput().render("at", datetime(2026, 12, 7, 18, 30))
    for language in ("fr", "en"):
        with translation.override(language):
            field = forms.DateField(widget=AdminDateInput())
            assert field.clean("07/12/2026") == date(2026, 12, 7), language
