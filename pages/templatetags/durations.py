"""`{{ media.duration|duration }}`: "1 min 05 s" beside a player (pages/durations.py)."""

from django import template

from pages.durations import format_duration

register = template.Library()


@register.filter
def duration(seconds) -> str:
    """A length in seconds said in words; nothing for an unknown or zero length."""
    try:
        seconds = float(seconds)
    except (TypeError, ValueError):
        return ""
    return format_duration(seconds) if seconds >= 0.5 else ""
