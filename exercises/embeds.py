"""Activities from LearningApps and H5P, shown in an exercise beside its own questions.

Préau neither marks nor keeps what a pupil does in them: the activity runs on its own
website, inside a sandboxed frame, and the page says so. This is why the block is not
one of the kinds of exercises.questions: it has no answer to collect and no mark.

Only the websites of a strict allow-list may be framed, because a frame shows pupils
whatever its website chooses: ``EMBED_HOSTS``, or ``settings.PREAU_EMBED_HOSTS`` when an
operator sets it (a host is written as is; a leading dot, ".h5p.com", stands for every
address under that domain but not the domain itself).

The address a teacher copies is the activity's page; the frame needs its embed address.
``embed_url`` turns one into the other on the server, with no network call (oEmbed would
make Préau fetch a third party's answer at every save or render), and builds the embed
address from the activity's id alone: nothing else the teacher pasted, no query, no
userinfo, no fragment, ever reaches the page. A host added by an operator that is none of
the known providers is framed at the address given, rebuilt the same way.

The teacher's address is what is stored, and converted at each render: a host taken off
the allow-list stops being framed at once, in every exercise.
"""

import re
from urllib.parse import parse_qs, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# The websites whose activities may be framed. A leading dot: any host under the domain,
# here every school's own H5P.com address (tenant.h5p.com).
EMBED_HOSTS = ("learningapps.org", "www.learningapps.org", "h5p.org", ".h5p.com")

DEFAULT_HEIGHT = 600
MIN_HEIGHT = 300
MAX_HEIGHT = 1200
# Far longer than any activity's address: beyond, it is not one, and is not parsed.
URL_MAX_LENGTH = 2000

# LearningApps numbers every activity (1653886) and gives public ones a key as well
# (p4i03t1y217); its embed code frames watch?app=<number>, its sharing links watch?v=<key>.
_LEARNINGAPPS_NUMBER = re.compile(r"[0-9]{1,12}")
_LEARNINGAPPS_KEY = re.compile(r"[A-Za-z0-9]{4,32}")
_LEARNINGAPPS_HOSTS = frozenset({"learningapps.org", "www.learningapps.org"})
_H5P_ORG_PATH = re.compile(r"/(?:node|h5p/embed)/([0-9]{1,12})/?")
_H5P_COM_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.h5p\.com")
_H5P_COM_PATH = re.compile(r"/content/([0-9]{1,30})(?:/embed)?/?")

NOT_ALLOWED = _(
    "Only an activity from one of these websites can be embedded, at an address "
    "beginning with https://: %(sites)s."
)
NOT_AN_ACTIVITY = _(
    "This address is not that of an activity. Open the activity on its website and copy "
    "the address of its page, such as https://learningapps.org/1234567 or "
    "https://h5p.org/node/123456."
)


def allowed_hosts() -> tuple[str, ...]:
    return tuple(getattr(settings, "PREAU_EMBED_HOSTS", EMBED_HOSTS))


def _host_allowed(host: str) -> bool:
    # ".h5p.com" matches every host ending so, never h5p.com itself.
    entries = [entry.lower() for entry in allowed_hosts()]
    return any(host.endswith(e) if e.startswith(".") else host == e for e in entries)


def _allowed_parts(url):
    """The address split, when it is an https address on an allowed host; else None.

    Refused outright rather than cleaned up: anything that browsers and Python may read
    as different hosts (a backslash, a space, userinfo as in https://learningapps.org@
    evil.com/) or that is not the plain https site (another port).
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or len(url) > URL_MAX_LENGTH:
        return None
    if any(char.isspace() or ord(char) < 32 or char in "\\\x7f" for char in url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme != "https" or "@" in parts.netloc or port not in (None, 443):
        return None
    if not parts.hostname or not _host_allowed(parts.hostname):
        return None
    return parts


def _single(query: str, name: str) -> str | None:
    values = parse_qs(query).get(name, [])
    return values[0] if len(values) == 1 else None


def _learningapps(parts) -> str | None:
    """learningapps.org/1653886, /view<id>, /watch?app=<id>, /watch?v=<id>, /display?v=<id>
    and /show?v=<id>: an activity's number is framed as watch?app=, a key as watch?v=."""
    path = parts.path.rstrip("/")
    if match := re.fullmatch(r"/([0-9]+)|/view([A-Za-z0-9]+)", path):
        activity = match[1] or match[2]
    elif path == "/watch" and "app" in parse_qs(parts.query):
        activity = _single(parts.query, "app")
    elif path in ("/watch", "/display", "/show"):
        activity = _single(parts.query, "v")
    else:
        return None  # a page of the website, such as its home page or a search
    if activity is None:
        return None
    if _LEARNINGAPPS_NUMBER.fullmatch(activity):
        return f"https://learningapps.org/watch?app={activity}"
    if _LEARNINGAPPS_KEY.fullmatch(activity):
        return f"https://learningapps.org/watch?v={activity}"
    return None


def _h5p_org(parts) -> str | None:
    """h5p.org/node/<id>, the page of an example, and its frame h5p.org/h5p/embed/<id>."""
    if match := _H5P_ORG_PATH.fullmatch(parts.path):
        return f"https://h5p.org/h5p/embed/{match[1]}"
    return None


def _h5p_com(parts) -> str | None:
    """<school>.h5p.com/content/<id>, and its frame <school>.h5p.com/content/<id>/embed."""
    if _H5P_COM_HOST.fullmatch(parts.hostname) and (match := _H5P_COM_PATH.fullmatch(parts.path)):
        return f"https://{parts.hostname}/content/{match[1]}/embed"
    return None


def embed_url(url) -> str | None:
    """The address to frame for an activity's page address; None when it may not be framed.

    None for an address outside the allow-list, and for a page of a known provider that
    is not an activity (its home page, a search): framing it would show pupils the whole
    website instead of the exercise.
    """
    parts = _allowed_parts(url)
    if parts is None:
        return None
    host = parts.hostname
    if host in _LEARNINGAPPS_HOSTS:
        return _learningapps(parts)
    if host == "h5p.org":
        return _h5p_org(parts)
    if host.endswith(".h5p.com"):
        return _h5p_com(parts)
    return urlunsplit(("https", host, parts.path or "/", parts.query, ""))


def _sites() -> str:
    return ", ".join(f"*{entry}" if entry.startswith(".") else entry for entry in allowed_hosts())


class ActivityEmbedValue(blocks.StructValue):
    def embed_url(self):
        return embed_url(self.get("url"))

    def frame_height(self):
        return self.get("height") or DEFAULT_HEIGHT


class ActivityEmbedBlock(blocks.StructBlock):
    """A LearningApps or H5P activity, framed from its website; its result is not recorded.

    Not a question: no answer, no mark, none of QuestionBlock's calls. An exercise's
    body may hold it beside its questions, as it holds instructions, as long as it is
    not counted among them.
    """

    prompt = blocks.CharBlock(
        label=_("Instruction"),
        required=False,
        max_length=250,
        help_text=_("What the pupil has to do in the activity."),
    )
    url = blocks.URLBlock(
        label=_("Address of the activity"),
        max_length=500,
        help_text=_(
            "The address of the activity's page on LearningApps or H5P, beginning with https://."
        ),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("Names the activity for pupils who use a screen reader."),
    )
    height = blocks.IntegerBlock(
        label=_("Height in pixels"),
        required=False,
        default=DEFAULT_HEIGHT,
        min_value=MIN_HEIGHT,
        max_value=MAX_HEIGHT,
        help_text=_("From 300 to 1200; 600 when empty."),
    )

    class Meta:
        icon = "code"
        template = "exercises/embed.html"
        value_class = ActivityEmbedValue
        label = _("Interactive activity (LearningApps, H5P)")
        description = _(
            "An activity from LearningApps or H5P, shown in the page; "
            "Préau does not record its result."
        )
        preview_value = {
            "prompt": _("Sort the animals into the right groups."),
            "url": "https://learningapps.org/1653886",
            "title": _("Sorting animals"),
            "height": DEFAULT_HEIGHT,
        }

    def clean(self, value):
        value = super().clean(value)
        if embed_url(value["url"]) is None:
            if _allowed_parts(value["url"]) is None:
                error = ValidationError(NOT_ALLOWED, code="embed_host", params={"sites": _sites()})
            else:
                error = ValidationError(NOT_AN_ACTIVITY, code="embed_page")
            raise StructBlockValidationError(block_errors={"url": error})
        return value
