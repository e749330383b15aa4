"""Embedded activities: only LearningApps and H5P are framed, always at an embed address
Préau builds itself, in a sandbox, with the note that the result is not recorded."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import translation

from exercises.embeds import EMBED_HOSTS, ActivityEmbedBlock, embed_url

block = ActivityEmbedBlock()


# --- Addresses turned into embed addresses -------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # LearningApps: an activity's number...
        ("https://learningapps.org/1653886", "https://learningapps.org/watch?app=1653886"),
        ("https://www.learningapps.org/1653886", "https://learningapps.org/watch?app=1653886"),
        ("https://learningapps.org/1653886/", "https://learningapps.org/watch?app=1653886"),
        ("https://learningapps.org/view1653886", "https://learningapps.org/watch?app=1653886"),
        (
            "https://learningapps.org/watch?app=1653886",
            "https://learningapps.org/watch?app=1653886",
        ),
        (
            "https://www.learningapps.org/watch?v=1653886",
            "https://learningapps.org/watch?app=1653886",
        ),
        ("HTTPS://LearningApps.org/1653886", "https://learningapps.org/watch?app=1653886"),
        ("https://learningapps.org:443/1653886", "https://learningapps.org/watch?app=1653886"),
        (" https://learningapps.org/1653886\n", "https://learningapps.org/watch?app=1653886"),
        # ... or its public key.
        (
            "https://learningapps.org/watch?v=p4i03t1y217",
            "https://learningapps.org/watch?v=p4i03t1y217",
        ),
        (
            "https://www.learningapps.org/display?v=p4i03t1y217",
            "https://learningapps.org/watch?v=p4i03t1y217",
        ),
        (
            "https://learningapps.org/show?v=p4i03t1y217",
            "https://learningapps.org/watch?v=p4i03t1y217",
        ),
        (
            "https://learningapps.org/viewp4i03t1y217",
            "https://learningapps.org/watch?v=p4i03t1y217",
        ),
        # Nothing else of the address is kept.
        (
            'https://learningapps.org/watch?v=p4i03t1y217&x="><script>alert(1)</script>#top',
            "https://learningapps.org/watch?v=p4i03t1y217",
        ),
        # H5P.org
        ("https://h5p.org/node/6725", "https://h5p.org/h5p/embed/6725"),
        ("https://h5p.org/node/6725/", "https://h5p.org/h5p/embed/6725"),
        ("https://h5p.org/h5p/embed/6725", "https://h5p.org/h5p/embed/6725"),
        ("https://h5p.org/node/6725?page=2#comments", "https://h5p.org/h5p/embed/6725"),
        # A school's H5P.com
        (
            "https://ecole-jaures.h5p.com/content/1291234567890123456",
            "https://ecole-jaures.h5p.com/content/1291234567890123456/embed",
        ),
        (
            "https://ecole-jaures.h5p.com/content/1291234567890123456/embed",
            "https://ecole-jaures.h5p.com/content/1291234567890123456/embed",
        ),
        (
            "https://Ecole-Jaures.H5P.com/content/12/?x=1",
            "https://ecole-jaures.h5p.com/content/12/embed",
        ),
    ],
)
def test_activity_pages_become_embed_addresses(url, expected):
    assert embed_url(url) == expected


REFUSED = [
    # Not https
    "http://learningapps.org/1653886",
    "http://www.learningapps.org/watch?v=p4i03t1y217",
    "http://h5p.org/node/6725",
    "http://ecole.h5p.com/content/12",
    "//learningapps.org/1653886",
    "learningapps.org/1653886",
    "ftp://learningapps.org/1653886",
    "javascript:alert(1)",
    "javascript://learningapps.org/%0Aalert(1)",
    "JavaScript://h5p.org/node/1%0Aalert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    # Other websites, and look-alikes
    "https://example.com/1653886",
    "https://www.youtube.com/watch?v=p4i03t1y217",
    "https://learningapps.org.evil.com/1653886",
    "https://evil-learningapps.org/1653886",
    "https://evillearningapps.org/1653886",
    "https://learningapps.org./1653886",
    "https://evil.com/learningapps.org",
    "https://evil.com/?next=https://learningapps.org/1653886",
    "https://www.h5p.org/node/6725",
    "https://h5p.org.evil.com/node/6725",
    "https://evilh5p.org/node/6725",
    "https://h5p.com/content/12",
    "https://evilh5p.com/content/12",
    "https://h5p.com.evil.com/content/12",
    "https://ecole.h5p.com.evil.com/content/12",
    # Userinfo, ports and characters browsers read differently
    "https://learningapps.org@evil.com/",
    "https://learningapps.org@evil.com/1653886",
    "https://learningapps.org:443@evil.com/1653886",
    "https://user@learningapps.org/1653886",
    "https://@learningapps.org/1653886",
    "https://evil.com\\@learningapps.org/1653886",
    "https://evil.com\\.learningapps.org/1653886",
    "https://learningapps.org:8443/1653886",
    "https://learningapps.org:x/1653886",
    "https://learningapps.org/165 3886",
    "https://learningapps.org/16538\n86",
    "https://learning\tapps.org/1653886",
    "https://[::1]/1653886",
    # Allowed websites, but not an activity
    "https://learningapps.org/",
    "https://learningapps.org",
    "https://learningapps.org/index.php?s=fractions",
    "https://learningapps.org/watch",
    "https://learningapps.org/watch?v=",
    "https://learningapps.org/watch?v=p4i03t1y217&v=p0000000000",
    "https://learningapps.org/watch?v=../../evil",
    "https://learningapps.org/view",
    "https://h5p.org/",
    "https://h5p.org/content-types-and-applications",
    "https://h5p.org/node/6725/../../user/1",
    "https://h5p.org/node/abc",
    "https://ecole.h5p.com/",
    "https://ecole.h5p.com/content/",
    "https://ecole.h5p.com/content/12/edit",
    "https://a.ecole.h5p.com/content/12",
    # Not addresses
    "",
    "   ",
    None,
    1653886,
    "https://learningapps.org/" + "1" * 3000,
]


@pytest.mark.parametrize("url", REFUSED)
def test_other_addresses_are_not_framed(url):
    assert embed_url(url) is None


# --- The allow-list from the settings --------------------------------------------------------


def test_the_allow_list_is_the_documented_one():
    assert getattr(settings, "PREAU_EMBED_HOSTS", EMBED_HOSTS) == EMBED_HOSTS
    assert set(EMBED_HOSTS) == {"learningapps.org", "www.learningapps.org", "h5p.org", ".h5p.com"}


@override_settings(PREAU_EMBED_HOSTS=["h5p.org"])
def test_settings_narrow_the_allow_list():
    assert embed_url("https://h5p.org/node/6725") == "https://h5p.org/h5p/embed/6725"
    assert embed_url("https://learningapps.org/1653886") is None
    assert embed_url("https://ecole.h5p.com/content/12") is None


@override_settings(PREAU_EMBED_HOSTS=[*EMBED_HOSTS, "h5p.academie.example", ".moodle.example"])
def test_a_host_added_in_the_settings_is_framed_at_the_address_given():
    assert (
        embed_url("https://h5p.academie.example/h5p/embed/12?lang=fr#top")
        == "https://h5p.academie.example/h5p/embed/12?lang=fr"
    )
    assert embed_url("https://ecole.moodle.example/h5p/embed.php") == (
        "https://ecole.moodle.example/h5p/embed.php"
    )
    assert embed_url("https://learningapps.org/1653886") == (
        "https://learningapps.org/watch?app=1653886"
    )
    for url in [
        "http://h5p.academie.example/h5p/embed/12",
        "https://x@h5p.academie.example/h5p/embed/12",
        "https://h5p.academie.example.evil.com/h5p/embed/12",
        "https://moodle.example/h5p/embed.php",
    ]:
        assert embed_url(url) is None, url


# --- What the teacher is told ----------------------------------------------------------------


def activity(url="https://learningapps.org/1653886", **fields):
    return block.to_python({"url": url, "title": "Les fractions", **fields})


def refusal(value):
    """The field errors of what `block.clean` refuses, in English whatever the locale holds."""
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        block.clean(value)
    with translation.override("en"):
        return refused.value.as_json_data()["blockErrors"]


@pytest.mark.parametrize(
    "url",
    [
        "http://learningapps.org/1653886",
        "https://learningapps.org.evil.com/1653886",
        "https://learningapps.org@evil.com/1653886",
        "https://www.youtube.com/watch?v=abc",
    ],
)
def test_a_website_not_allowed_is_refused_naming_the_allowed_ones(url):
    (message,) = refusal(activity(url))["url"]["messages"]
    assert "https://" in message
    for site in ("learningapps.org", "www.learningapps.org", "h5p.org", "*.h5p.com"):
        assert site in message
    assert "evil" not in message and "youtube" not in message


@override_settings(PREAU_EMBED_HOSTS=["h5p.org"])
def test_the_refusal_names_the_websites_of_the_settings():
    (message,) = refusal(activity())["url"]["messages"]
    assert "h5p.org" in message and "learningapps" not in message


@pytest.mark.parametrize(
    "url", ["https://learningapps.org/", "https://h5p.org/forum", "https://ecole.h5p.com/"]
)
def test_a_page_that_is_not_an_activity_is_refused(url):
    (message,) = refusal(activity(url))["url"]["messages"]
    assert message.startswith("This address is not that of an activity.")


def test_javascript_is_refused():
    assert list(refusal(activity("javascript:alert(1)//https://learningapps.org/1"))) == ["url"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"height": 299}, "height"), ({"height": 1201}, "height"), ({"title": ""}, "title")],
)
def test_fields_the_teacher_must_put_right(fields, field):
    assert list(refusal(activity(**fields))) == [field]


def test_a_right_activity_is_kept_as_the_teacher_wrote_it():
    cleaned = block.clean(activity("https://www.learningapps.org/1653886", height=None))
    assert cleaned["url"] == "https://www.learningapps.org/1653886"
    assert cleaned.embed_url() == "https://learningapps.org/watch?app=1653886"
    assert cleaned.frame_height() == 600
    assert block.clean(activity(height=300))["height"] == 300
    assert block.clean(activity(height=1200))["height"] == 1200


def test_the_block_describes_itself():
    meta = block.meta
    assert meta.icon and meta.label and meta.description
    assert meta.template == "exercises/embed.html"
    with translation.override("en"):
        assert str(meta.label) == "Interactive activity (LearningApps, H5P)"
    assert not block.child_blocks["prompt"].required
    assert block.child_blocks["url"].required and block.child_blocks["title"].required
    assert block.child_blocks["height"].get_default() == 600
    preview = block.get_preview_value()
    assert block.clean(preview).embed_url() is not None


# --- The page -------------------------------------------------------------------------------


def with_exercise_templates():
    """The app is not installed yet: its templates are found through DIRS meanwhile."""
    engine = dict(settings.TEMPLATES[0])
    engine["DIRS"] = [*engine["DIRS"], settings.BASE_DIR / "exercises" / "templates"]
    return override_settings(TEMPLATES=[engine])


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, entities decoded."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def all(self, name):
        return [attrs for tag, attrs in self.tags if tag == name]


def render(value):
    with with_exercise_templates(), translation.override("en"):
        return block.render(value)


NOTE = "This activity comes from another website: Préau does not record its result."


@pytest.mark.parametrize(
    ("url", "src"),
    [
        ("https://www.learningapps.org/view1653886", "https://learningapps.org/watch?app=1653886"),
        ("https://h5p.org/node/6725", "https://h5p.org/h5p/embed/6725"),
        ("https://ecole.h5p.com/content/12", "https://ecole.h5p.com/content/12/embed"),
    ],
)
def test_the_activity_is_framed_in_a_sandbox_with_the_note(url, src):
    html = render(activity(url, prompt="Range les fractions.", height=800))
    (frame,) = Tags(html).all("iframe")
    assert frame == {
        "class": "activity-embed__frame",
        "src": src,
        "title": "Les fractions",
        "height": "800",
        "loading": "lazy",
        "sandbox": "allow-scripts allow-same-origin allow-forms allow-popups",
        "referrerpolicy": "no-referrer",
        "allow": "fullscreen",
    }
    assert NOTE in html
    assert "Range les fractions." in html
    (link,) = Tags(html).all("a")
    assert link == {"href": src, "target": "_blank", "rel": "noopener noreferrer"}
    assert re.search(r"Open “Les fractions” in a new tab</a>", html)


def test_the_frame_is_600_pixels_high_by_default_and_its_title_escaped():
    html = render(activity(title='Les "fractions" <b>', height=None))
    (frame,) = Tags(html).all("iframe")
    assert frame["height"] == "600" and frame["title"] == 'Les "fractions" <b>'
    assert "<b>" not in html


@pytest.mark.parametrize(
    "url",
    ["https://learningapps.org@evil.com/1653886", "javascript:alert(1)", "http://h5p.org/node/1"],
)
def test_a_stored_address_no_longer_allowed_is_not_framed_nor_linked(url):
    # Stored before the allow-list changed, or written to the database by hand.
    html = render(activity(url))
    assert not Tags(html).all("iframe") and not Tags(html).all("a")
    assert "evil" not in html and "javascript" not in html and NOTE not in html
    assert "cannot be shown" in html


@override_settings(PREAU_EMBED_HOSTS=["h5p.org"])
def test_a_host_taken_off_the_allow_list_stops_being_framed():
    assert not Tags(render(activity())).all("iframe")
    assert Tags(render(activity("https://h5p.org/node/6725"))).all("iframe")


def test_the_preview_renders_the_framed_activity():
    html = render(block.get_preview_value())
    (frame,) = Tags(html).all("iframe")
    assert frame["src"] == "https://learningapps.org/watch?app=1653886"
    assert NOTE in html
    json.dumps(block.get_form_state(block.get_preview_value()), default=str)
