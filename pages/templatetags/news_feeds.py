"""Addresses of a news section's feeds (pages/feeds.py), for templates.

Wagtail's `routablepageurl` tag needs wagtail.contrib.routable_page in INSTALLED_APPS;
these do the same for the routes of NewsIndexPage without it.
"""

from django import template

from pages.models import NewsIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def section_feed_url(context, section, name):
    """The address of one of the section's routes: "rss", "agenda" or "agenda_ics"."""
    url = section.get_url(context.get("request"))
    return url + section.reverse_subpage(name) if url else ""


@register.simple_tag(takes_context=True)
def event_calendar_url(context, event):
    """The address of an event's iCalendar file, or "" when it has none (a draft)."""
    if not event.pk or not event.live:
        return ""
    section = NewsIndexPage.objects.filter(path=event.path[: -event.steplen]).first()
    url = section and section.get_url(context.get("request"))
    if not url:
        return ""
    return url + section.reverse_subpage("event_ics", kwargs={"event_id": event.pk})
