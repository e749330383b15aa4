"""Public page types of schools and municipalities, and who runs each site.

The tree (DESIGN.md "Page tree"): a portal holds municipalities and schools; each has
standard pages and a news section (news, events, galleries); a school also holds its
private class spaces, which live in classrooms/. Schools and municipalities also carry
their site identity (logo, colour) and an accessibility statement; the portal, schools
and municipalities each hold one statement, and the footer links to the nearest one
(pages/identity.py).

One module per role: mixins.py (what the page types share), sites.py (schools,
municipalities, standard pages), news.py (news sections and what they hold), canteen.py
(menus), accessibility.py (statements), staff.py (who runs a site). Everything is
re-exported here, so `pages.models.X` names every model, as the migrations do.
"""

from .accessibility import AccessibilityStatementPage, ComplianceStatus
from .canteen import (
    CanteenMenuPage,
    CanteenMenuPageForm,
    monday_of,
    this_or_next_monday,
    week_slug,
)
from .mixins import (
    PROMOTE_PANELS,
    AccentColour,
    IntroBodyPage,
    MediaCollectionMixin,
    SiteIdentityMixin,
)
from .news import EventPage, GalleryPage, NewsIndexPage, NewsPage
from .sites import MunicipalityPage, SchoolLevel, SchoolPage, SiteHomeMixin, StandardPage
from .staff import MunicipalityAgent, SchoolStaff

__all__ = [
    "AccentColour",
    "AccessibilityStatementPage",
    "CanteenMenuPage",
    "CanteenMenuPageForm",
    "ComplianceStatus",
    "EventPage",
    "GalleryPage",
    "IntroBodyPage",
    "MediaCollectionMixin",
    "PROMOTE_PANELS",
    "MunicipalityAgent",
    "MunicipalityPage",
    "NewsIndexPage",
    "NewsPage",
    "SchoolLevel",
    "SchoolPage",
    "SchoolStaff",
    "SiteHomeMixin",
    "SiteIdentityMixin",
    "StandardPage",
    "monday_of",
    "week_slug",
    "this_or_next_monday",
]
