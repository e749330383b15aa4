"""What a news section publishes beyond its page: an RSS feed, an agenda, iCalendar files.

NewsIndexPage's routes (pages/models/news.py) delegate here. Every channel lists only live,
public pages that are children of that section and of the expected type, so a draft, a
page behind a view restriction or another site's page never leaks into a feed; class
spaces can never be children of a section (DESIGN.md "Page tree"), and no query here
looks beyond the section's children. Each view costs a fixed number of queries, however
many items it lists.

Wagtail's serve pattern only matches path segments of letters, digits, "-" and "_"
ending in "/", so the iCalendar files are served at `agenda/ics/` and
`events/<id>/ics/` rather than at addresses ending in ".ics"; calendar applications go
by the Content-Type, and the Content-Disposition header still names a `.ics` file.
"""

import datetime
import re
import zoneinfo
from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.http import content_disposition_header
from wagtail.models import Page

from .models import EventPage, NewsPage
from .public import public_filter

RSS_MAX_ITEMS = 20
# A news item has a date, not a time: it is published at noon, school time.
NEWS_TIME = datetime.time(12, 0)
SCHOOL_TIMEZONE = zoneinfo.ZoneInfo("Europe/Paris")
PRODID = "-//Préau//Agenda//FR"


def site_title(section):
    """The title of the school's or municipality's site the section belongs to."""
    parent = Page.objects.filter(path=section.path[: -section.steplen]).only("title").first()
    return parent.title if parent else ""


def feed_title(section):
    return " · ".join(filter(None, [site_title(section), section.title]))


def subpage_full_url(section, request, name, **kwargs):
    return section.get_full_url(request) + section.reverse_subpage(name, kwargs=kwargs)


# RSS


def published_news(section):
    """The section's newest live public news items, at most RSS_MAX_ITEMS."""
    return (
        NewsPage.objects.live()
        .filter(public_filter())
        .child_of(section)
        .order_by("-date", "-pk")[:RSS_MAX_ITEMS]
    )


class NewsFeed(Feed):
    """RSS 2.0 feed of one news section; build one per request: it keeps the request.

    Links are absolute and come from the page's own site (its hostname when a school
    has one), not from django.contrib.sites.
    """

    feed_type = Rss201rev2Feed

    def __init__(self, section):
        self.section = section
        self.request = None
        self.feed_title = ""

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.section.locale.language_code
        self.feed_title = feed_title(self.section)
        return self.section

    def title(self, section):
        return self.feed_title

    def link(self, section):
        return section.get_full_url(self.request)

    def feed_url(self, section):
        return subpage_full_url(section, self.request, "rss")

    def description(self, section):
        return section.intro or self.feed_title

    def items(self, section):
        return published_news(section)

    def item_title(self, item):
        # Readers render titles as HTML: Django's feeds escape them (Django ticket 6533).
        return escape(item.title)

    def item_description(self, item):
        return escape(item.intro)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        return news_datetime(item.date)


def news_datetime(date):
    """A news item's date as an aware datetime: noon, Paris time."""
    return datetime.datetime.combine(date, NEWS_TIME, tzinfo=SCHOOL_TIMEZONE)


def news_rss(section, request):
    return NewsFeed(section)(request)


# Agenda


def upcoming_events(section, now=None):
    """The section's live public events still to come (or under way), soonest first."""
    now = now or timezone.now()
    return (
        EventPage.objects.live()
        .filter(public_filter())
        .child_of(section)
        .filter(EventPage.upcoming(now))
        .order_by("start", "pk")
    )


def events_by_month(events):
    """[(first day of the month, [events])...] in the order given, months in local time."""
    months = []
    for event in events:
        month = timezone.localtime(event.start).date().replace(day=1)
        if not months or months[-1][0] != month:
            months.append((month, []))
        months[-1][1].append(event)
    return months


def agenda(section, request):
    return section.render(
        request,
        template="pages/agenda.html",
        context_overrides={
            "months": events_by_month(upcoming_events(section)),
            "calendar_url": subpage_full_url(section, request, "agenda_ics"),
        },
    )


# iCalendar (RFC 5545)

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def ical_text(value):
    """Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return _CONTROL_CHARACTERS.sub("", value)


def ical_datetime(value):
    """A date-time in UTC, form #2 of RFC 5545 3.3.5: 20261215T170000Z."""
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line):
    """Fold a content line into chunks of at most 75 octets (RFC 5545 3.1).

    Continuation lines start with a space, which counts in their 75 octets; a UTF-8
    character is never split across two lines.
    """
    encoded = line.encode()
    chunks, start, limit = [], 0, 75
    while True:
        end = min(start + limit, len(encoded))
        while end < len(encoded) and encoded[end] & 0xC0 == 0x80:
            end -= 1
        chunks.append(encoded[start:end].decode())
        if end >= len(encoded):
            return "\r\n ".join(chunks)
        start, limit = end, 74


def vevent_lines(event, request, host, stamp):
    url = event.get_full_url(request)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.pk}@{host}",
        f"DTSTAMP:{ical_datetime(event.last_published_at or stamp)}",
        f"DTSTART:{ical_datetime(event.start)}",
    ]
    if event.end and event.end > event.start:
        lines.append(f"DTEND:{ical_datetime(event.end)}")
    lines.append(f"SUMMARY:{ical_text(event.title)}")
    if event.location:
        lines.append(f"LOCATION:{ical_text(event.location)}")
    if event.intro:
        lines.append(f"DESCRIPTION:{ical_text(event.intro)}")
    lines += [f"URL:{url}", "END:VEVENT"]
    return lines


def calendar(section, events, request, *, name=None):
    """An iCalendar object holding the events; `name` makes it a named, subscribable one."""
    host = urlsplit(section.get_full_url(request)).hostname
    stamp = timezone.now()
    lines = ["BEGIN:VCALENDAR", f"PRODID:{PRODID}", "VERSION:2.0", "CALSCALE:GREGORIAN"]
    if name:
        lines.append(f"X-WR-CALNAME:{ical_text(name)}")
    for event in events:
        lines += vevent_lines(event, request, host, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def calendar_response(text, filename):
    response = HttpResponse(text.encode(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def agenda_ics(section, request):
    """Every upcoming event of the section: the address a calendar application subscribes to."""
    # Without a name, some calendar applications import a single event as a new calendar;
    # the section's calendar is meant to be one.
    text = calendar(section, upcoming_events(section), request, name=feed_title(section))
    return calendar_response(text, f"{section.slug}-agenda.ics")


def event_ics(section, request, event_id):
    """One event of the section, to add to a personal calendar."""
    event = (
        EventPage.objects.live()
        .filter(public_filter())
        .child_of(section)
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        raise Http404
    return calendar_response(calendar(section, [event], request), f"{event.slug}.ics")
