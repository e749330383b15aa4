"""Which site a page belongs to, and which accessibility statement speaks for it.

A page's ancestors are the prefixes of its tree path (treebeard's materialised path), so
both questions are answered with one query each, whatever the depth of the page and the
number of schools: no walking up the tree, no query per ancestor.
"""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Page

from .models import AccessibilityStatementPage, MunicipalityPage, SchoolPage
from .public import public_filter

SITE_MODELS = (SchoolPage, MunicipalityPage)


def ancestor_paths(page, inclusive=False):
    """The tree paths of the page's ancestors, from the root down."""
    steplen = Page.steplen
    end = len(page.path) + (steplen if inclusive else 0)
    return [page.path[:length] for length in range(steplen, end, steplen)]


@dataclass(frozen=True)
class SiteIdentity:
    """The school or municipality whose logo and colour a page wears."""

    site: Page
    is_home: bool

    @property
    def logo(self):
        return self.site.logo

    @property
    def accent_class(self):
        return self.site.accent_class


def site_of(page):
    """The school or municipality the page belongs to (itself included), or None."""
    if isinstance(page, SITE_MODELS):
        return page
    if not page.path:
        return None
    paths = ancestor_paths(page)
    for model in SITE_MODELS:
        site = model.objects.filter(path__in=paths).select_related("logo").first()
        if site is not None:
            return site
    return None


def site_identity_for(page):
    site = site_of(page)
    if site is None:
        return None
    return SiteIdentity(site=site, is_home=site.pk == page.pk)


def accessibility_statement_for(page):
    """The statement nearest to the page: a child of the page or of its closest ancestor.

    A school's pages find the school's statement, a portal page the portal's; a school
    without one falls back to the portal's.
    """
    if page is None or not page.path:
        return None
    children_of_ancestors = Q()
    for path in ancestor_paths(page, inclusive=True):
        depth = len(path) // Page.steplen
        children_of_ancestors |= Q(path__startswith=path, depth=depth + 1)
    return (
        AccessibilityStatementPage.objects.live()
        .filter(public_filter())
        .filter(children_of_ancestors)
        .order_by("-depth")
        .first()
    )
