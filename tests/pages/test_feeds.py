"""A news section's feeds: RSS of its news, its agenda, and iCalendar files of its events.

They are public channels: they must list the live public pages of that section only
(DESIGN.md "Who may do what": feeds never leak a draft, a restricted page or another
site's page), and cost a fixed number of queries however many items they list.
"""

import datetime
import email.utils
import re
import xml.etree.ElementTree as ET
import zoneinfo

import factory
import pytest
import wagtail_factories
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from pages.feeds import fold, ical_text
from pages.models import EventPage, NewsIndexPage, NewsPage
from tests import factories

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
NEXT_YEAR = timezone.now().year + 1


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Actualités"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Nouvelle {n}")
    intro = factory.LazyAttribute(lambda news: f"Résumé de « {news.title} »")
    date = datetime.date(2026, 3, 10)


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Événement {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture
def school(portal):
    return factories.SchoolPageFactory(parent=portal, title="École Jean-Jaurès")


@pytest.fixture
def section(school):
    return NewsIndexPageFactory(parent=school)


@pytest.fixture
def other_section(portal):
    other_school = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    return NewsIndexPageFactory(parent=other_school)


def rss_url(section):
    return section.url + section.reverse_subpage("rss")


def agenda_url(section):
    return section.url + section.reverse_subpage("agenda")


def agenda_ics_url(section):
    return section.url + section.reverse_subpage("agenda_ics")


def event_ics_url(section, event):
    return section.url + section.reverse_subpage("event_ics", kwargs={"event_id": event.pk})


def rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def count_queries(client, url):
    # The rendering is counted, not the whole-page cache for anonymous visitors.
    with override_settings(PREAU_PAGE_CACHE_SECONDS=0):
        client.get(url)  # what requests keep is read once after a change, then kept
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


# RSS


def test_routes_live_under_the_section_address(section):
    assert rss_url(section) == f"{section.url}rss/"
    assert agenda_url(section) == f"{section.url}agenda/"
    assert agenda_ics_url(section) == f"{section.url}agenda/ics/"


def test_rss_lists_the_published_news_of_its_section_only(client, section, other_section):
    winter = NewsPageFactory(parent=section, title="Carnaval", date=datetime.date(2026, 2, 12))
    summer = NewsPageFactory(parent=section, title="Kermesse", date=datetime.date(2026, 6, 20))
    NewsPageFactory(parent=section, title="Brouillon", live=False)
    NewsPageFactory(parent=other_section, title="Nouvelle du Bourg")
    EventPageFactory(parent=section, title="Un événement")

    channel, items = rss_items(client.get(rss_url(section)))

    assert channel.findtext("title") == "École Jean-Jaurès · Actualités"
    assert channel.findtext("link") == section.get_full_url()
    assert [item.findtext("title") for item in items] == ["Kermesse", "Carnaval"]
    kermesse, carnaval = items
    assert kermesse.findtext("link") == summer.get_full_url()
    assert kermesse.findtext("link").startswith("http://localhost/")
    assert kermesse.findtext("guid") == summer.get_full_url()
    assert kermesse.find("guid").get("isPermaLink") == "true"
    assert kermesse.findtext("description") == "Résumé de « Kermesse »"
    assert carnaval.findtext("link") == winter.get_full_url()


def test_rss_dates_are_noon_paris_time(client, section):
    NewsPageFactory(parent=section, title="Carnaval", date=datetime.date(2026, 2, 12))
    NewsPageFactory(parent=section, title="Kermesse", date=datetime.date(2026, 6, 20))

    _channel, items = rss_items(client.get(rss_url(section)))

    dates = [email.utils.parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == [paris(2026, 6, 20, 12), paris(2026, 2, 12, 12)]
    assert dates[0].astimezone(datetime.UTC).hour == 10  # summer time, UTC+2
    assert dates[1].astimezone(datetime.UTC).hour == 11  # winter time, UTC+1


def test_rss_titles_are_escaped_as_django_feeds_do(client, section):
    """Readers render RSS titles as HTML: "&" travels as "&amp;" once the XML is parsed."""
    NewsPageFactory(parent=section, title="Fête & jeux", intro="<b>Venez</b> nombreux")

    _channel, (item,) = rss_items(client.get(rss_url(section)))

    assert item.findtext("title") == "Fête &amp; jeux"
    assert item.findtext("description") == "&lt;b&gt;Venez&lt;/b&gt; nombreux"


def test_rss_leaves_out_news_behind_a_view_restriction(client, section, school):
    NewsPageFactory(parent=section, title="Visible")
    hidden = NewsPageFactory(parent=section, title="Réservée aux familles")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    _channel, items = rss_items(client.get(rss_url(section)))

    assert [item.findtext("title") for item in items] == ["Visible"]


def test_a_restricted_section_never_publishes_its_news(client, section, portal):
    """Behind a view restriction, the section's channels ask for a login, and even a
    visitor who passes the restriction gets a feed without the restricted news."""
    NewsPageFactory(parent=section, title="Réservée aux familles")
    EventPageFactory(parent=section, title="Réunion des familles")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)

    for url in (rss_url(section), agenda_url(section), agenda_ics_url(section)):
        response = client.get(url)
        assert response.status_code == 302, url
        assert b"familles" not in response.content

    client.force_login(factories.UserFactory())
    _channel, items = rss_items(client.get(rss_url(section)))
    assert items == []
    assert "Réunion".encode() not in client.get(agenda_ics_url(section)).content


def test_rss_of_an_unpublished_section_is_not_found(client, section):
    NewsPageFactory(parent=section, title="Nouvelle")
    section.unpublish()

    assert client.get(rss_url(section)).status_code == 404


def test_rss_costs_the_same_queries_for_3_or_20_items(client, section):
    for day in range(1, 4):
        NewsPageFactory(parent=section, date=datetime.date(2026, 1, day))
    client.get(rss_url(section))  # fills the site caches
    few, response = count_queries(client, rss_url(section))
    assert len(rss_items(response)[1]) == 3

    for day in range(4, 26):
        NewsPageFactory(parent=section, title=f"Le {day}", date=datetime.date(2026, 1, day))
    many, response = count_queries(client, rss_url(section))

    _channel, items = rss_items(response)
    assert len(items) == 20  # the 20 newest of 25
    assert items[0].findtext("title") == "Le 25"
    assert many == few


def test_news_section_links_to_its_feeds(client, section):
    NewsPageFactory(parent=section)
    EventPageFactory(parent=section)

    html = client.get("/en" + section.url).content.decode()

    assert (
        f'<link rel="alternate" type="application/rss+xml" title="Actualités (RSS)" '
        f'href="{rss_url(section)}">' in html
    )
    assert f'href="{agenda_url(section)}"' in html
    assert "Follow the news (RSS feed)" in html
    assert client.get(rss_url(section)).status_code == 200


# iCalendar


def unfold(content):
    """The logical lines of an iCalendar file, checking its physical lines on the way."""
    assert content.endswith(b"\r\n")
    physical = content[:-2].split(b"\r\n")
    for line in physical:
        assert b"\n" not in line and b"\r" not in line, line
        assert len(line) <= 75, line
        line.decode()  # folding never splits a UTF-8 character
    logical = []
    for line in physical:
        if line.startswith(b" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return [line.decode() for line in logical]


def events_of(lines):
    """Each VEVENT as a dict of its properties, in order."""
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, value = line.split(":", 1)
            current[name] = value
    return events


def test_ical_escapes_text_and_folds_long_lines():
    assert ical_text("Fête, kermesse; jeux") == "Fête\\, kermesse\\; jeux"
    assert ical_text("a\\b\r\nc\nd") == "a\\\\b\\nc\\nd"
    line = "DESCRIPTION:" + "é" * 80
    folded = fold(line).encode().split(b"\r\n")
    assert [len(part) <= 75 for part in folded] == [True] * len(folded)
    assert all(part.startswith(b" ") for part in folded[1:])
    assert b"".join(part.removeprefix(b" ") for part in folded).decode() == line
    assert fold("SUMMARY:court") == "SUMMARY:court"


def test_agenda_ics_holds_the_upcoming_events_of_its_section(client, section, other_section):
    winter = EventPageFactory(
        parent=section,
        title="Fête, kermesse; jeux",
        start=paris(NEXT_YEAR, 12, 15, 18),
        end=paris(NEXT_YEAR, 12, 15, 20, 30),
        location="Cour de l'école, 3 rue des Écoles",
        intro="Stands et goûter.\nApportez vos gâteaux ! Chemin : C:\\école",
    )
    summer = EventPageFactory(
        parent=section,
        title="Spectacle de fin d'année",
        start=paris(NEXT_YEAR, 6, 20, 18),
        intro="Les élèves présentent leurs chants, leurs danses et leurs poèmes " * 3,
    )
    EventPageFactory(parent=section, title="Passé", start=timezone.now() - datetime.timedelta(3))
    EventPageFactory(parent=section, title="Brouillon", live=False)
    EventPageFactory(parent=other_section, title="Fête du Bourg")
    NewsPageFactory(parent=section, title="Une nouvelle")

    response = client.get(agenda_ics_url(section))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    lines = unfold(response.content)
    assert lines[:4] == [
        "BEGIN:VCALENDAR",
        "PRODID:-//Préau//Agenda//FR",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
    ]
    assert "X-WR-CALNAME:École Jean-Jaurès · Actualités" in lines
    assert lines[-1] == "END:VCALENDAR"
    june, december = events_of(lines)
    assert june["SUMMARY"] == "Spectacle de fin d'année"
    assert june["DTSTART"] == f"{NEXT_YEAR}0620T160000Z"  # 18:00 in summer is 16:00 UTC
    assert "DTEND" not in june  # no end given: the event ends when it starts
    assert (
        june["DESCRIPTION"]
        == "Les élèves présentent leurs chants\\, leurs danses et leurs poèmes " * 3
    )
    assert december["SUMMARY"] == "Fête\\, kermesse\\; jeux"
    assert december["DTSTART"] == f"{NEXT_YEAR}1215T170000Z"  # 18:00 in winter is 17:00 UTC
    assert december["DTEND"] == f"{NEXT_YEAR}1215T193000Z"
    assert december["LOCATION"] == "Cour de l'école\\, 3 rue des Écoles"
    assert december["DESCRIPTION"] == (
        "Stands et goûter.\\nApportez vos gâteaux ! Chemin : C:\\\\école"
    )
    assert december["UID"] == f"{winter.pk}@localhost"
    assert december["URL"] == winter.get_full_url()
    assert june["URL"] == summer.get_full_url()
    assert re.fullmatch(r"\d{8}T\d{6}Z", december["DTSTAMP"])
    assert any(line.startswith(b" ") for line in response.content.split(b"\r\n"))  # folded


def test_agenda_ics_costs_the_same_queries_for_3_or_20_events(client, section):
    for _ in range(3):
        EventPageFactory(parent=section)
    client.get(agenda_ics_url(section))
    few, _response = count_queries(client, agenda_ics_url(section))
    for _ in range(17):
        EventPageFactory(parent=section)
    many, response = count_queries(client, agenda_ics_url(section))

    assert len(events_of(unfold(response.content))) == 20
    assert many == few


def test_event_ics_holds_one_event_of_the_section(client, section):
    event = EventPageFactory(parent=section, title="Kermesse", start=paris(NEXT_YEAR, 6, 20, 18))
    EventPageFactory(parent=section, title="Autre fête")

    response = client.get(event_ics_url(section, event))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="kermesse.ics"'
    lines = unfold(response.content)
    (only,) = events_of(lines)
    assert only["SUMMARY"] == "Kermesse"
    assert only["DTSTART"] == f"{NEXT_YEAR}0620T160000Z"
    # A single event is not a calendar of its own: Outlook would open it as one.
    assert not any(line.startswith("X-WR-CALNAME") for line in lines)


def test_event_ics_is_not_found_outside_its_section(client, section, other_section):
    elsewhere = EventPageFactory(parent=other_section, title="Fête du Bourg")
    draft = EventPageFactory(parent=section, title="Brouillon", live=False)
    restricted = EventPageFactory(parent=section, title="Réunion")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    news = NewsPageFactory(parent=section)

    for page in (elsewhere, draft, restricted, news):
        response = client.get(event_ics_url(section, page))
        assert response.status_code == 404, page.title
    assert client.get(event_ics_url(other_section, elsewhere)).status_code == 200


def test_event_page_offers_its_calendar_file(client, section):
    event = EventPageFactory(parent=section, title="Kermesse")

    html = client.get("/en" + event.url).content.decode()

    assert "Add to my calendar" in html
    assert f'href="{event_ics_url(section, event)}"' in html


# Agenda


def test_agenda_lists_upcoming_events_by_month(client, section, other_section):
    EventPageFactory(parent=section, title="Spectacle", start=paris(NEXT_YEAR, 6, 20, 18))
    EventPageFactory(parent=section, title="Kermesse", start=paris(NEXT_YEAR, 6, 27, 14))
    EventPageFactory(parent=section, title="Marché de Noël", start=paris(NEXT_YEAR, 12, 15, 18))
    now = timezone.now()
    EventPageFactory(
        parent=section,
        title="Semaine du goût",
        start=now - datetime.timedelta(days=3),
        end=now + datetime.timedelta(days=2),
    )
    EventPageFactory(parent=section, title="Sortie passée", start=now - datetime.timedelta(3))
    EventPageFactory(parent=section, title="Brouillon", live=False)
    EventPageFactory(parent=other_section, title="Fête du Bourg")

    response = client.get("/en" + agenda_url(section))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>" in html and "Agenda" in html
    for absent in ("Sortie passée", "Brouillon", "Fête du Bourg"):
        assert absent not in html
    headings = re.findall(r"<h2 id=\"month-[\d-]+\">([^<]+)</h2>", html)
    this_month = timezone.localtime(now - datetime.timedelta(days=3)).strftime("%B %Y")
    assert headings == [this_month, f"June {NEXT_YEAR}", f"December {NEXT_YEAR}"]
    positions = [
        html.index(text)
        for text in (
            this_month,
            "Semaine du goût",
            f"June {NEXT_YEAR}",
            "Spectacle",
            "Kermesse",
            f"December {NEXT_YEAR}",
            "Marché de Noël",
        )
    ]
    assert positions == sorted(positions)
    assert f'value="{section.get_full_url()}agenda/ics/"' in html
    assert f'href="{section.get_full_url()}agenda/ics/"' in html


def test_agenda_says_when_nothing_is_coming(client, section):
    html = client.get("/en" + agenda_url(section)).content.decode()
    assert "No upcoming events." in html


def test_agenda_costs_the_same_queries_for_3_or_20_events(client, section):
    for _ in range(3):
        EventPageFactory(parent=section)
    client.get(agenda_url(section))
    few, _response = count_queries(client, agenda_url(section))
    for _ in range(17):
        EventPageFactory(parent=section)
    many, response = count_queries(client, agenda_url(section))

    assert response.content.decode().count('class="card__link"') == 20
    assert many == few


def test_news_section_shows_a_page_of_news_at_a_time(client, portal):
    from datetime import date, timedelta

    from pages.models import NewsIndexPage, NewsPage

    school = factories.SchoolPageFactory(parent=portal, title="École des Tilleuls")
    section = school.add_child(instance=NewsIndexPage(title="Actualités", slug="actualites"))
    for number in range(NewsIndexPage.NEWS_PER_PAGE + 3):
        section.add_child(
            instance=NewsPage(
                title=f"Nouvelle numéro {number:02d}",
                date=date(2026, 1, 1) + timedelta(days=number),
            )
        )
    first = client.get(section.url).content.decode()
    assert "Nouvelle numéro 14" in first and "Nouvelle numéro 00" not in first
    older = client.get(section.url, {"page": 2}).content.decode()
    assert "Nouvelle numéro 00" in older and "Nouvelle numéro 14" not in older
    assert client.get(section.url, {"page": "nonsense"}).status_code == 200
