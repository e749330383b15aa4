"""When an event takes place, written once: "13 décembre 2026, 18:00 – 20:00" for an
evening, the whole date on both sides only when the event runs over several days."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.html import format_html

register = template.Library()


def _time(moment, fmt):
    return format_html(
        '<time datetime="{}">{}</time>', moment.isoformat(), date_format(moment, get_format(fmt))
    )


@register.simple_tag
def event_span(start, end=None):
    """The event's start, and its end if any: its time alone when on the same day."""
    start = timezone.localtime(start)
    if end is None:
        return _time(start, "DATETIME_FORMAT")
    end = timezone.localtime(end)
    end_format = "TIME_FORMAT" if end.date() == start.date() else "DATETIME_FORMAT"
    return format_html("{} – {}", _time(start, "DATETIME_FORMAT"), _time(end, end_format))
