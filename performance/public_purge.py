"""What a change to the public sites purges from the caches of public pages.

The caches are those of `WAGTAILFRONTENDCACHE` (settings): Préau's own
(performance/page_cache.py) and, in production, a proxy's. Purges go through
`wagtail.contrib.frontend_cache`, which purges a page's own addresses
(`get_cached_paths`) when any page is published or unpublished; deleting a live page
unpublishes it first, so that is purged too. What Wagtail does not know is which other
pages show a page, and this module adds those:

- a public page published or unpublished: the public pages above it, which list it
  (its news section lists a news item, its school or municipality the latest news,
  events and sections, its site's home, the portal, the schools and its own news), and
  their translations (every language version of the portal home lists the original
  tree's schools, towns and news, and links to their translations: home/directory.py);
- a public page moved: the same, at its old and its new place, with the public pages
  below it (their addresses change);
- a view restriction added to or removed from a page: the page, the public pages below
  it and those listing it;
- a take-down for a withdrawn consent (classrooms/consent.py): every page showing the
  files and the public pages above them (a school's page lists its classes' public
  entries), whatever their type.

Nothing else purges: a draft, a revision, a class's page, a pupil's photo leave every
kept page in place. A class entry made public shows in its school's list within
s-maxage; what is not a page (site settings, images) too (page_cache.py).
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from .page_cache import is_public_type


def public_pages():
    return Page.objects.live().filter(content_type__app_label__in=settings.PREAU_PAGE_CACHE_APPS)


def listing_pages(page):
    """The live public pages above this one and their translations (one query): those
    that may list it."""
    above = Page.objects.ancestor_of(page).values("translation_key")
    return public_pages().filter(translation_key__in=above)


def purge(pages):
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()


def page_changed(sender, instance, **kwargs):
    """After a publication or an unpublication: Wagtail purges the page itself."""
    if is_public_type(instance):
        purge(listing_pages(instance))


def page_moving(sender, instance, **kwargs):
    """Before and after a move: the page and the public pages below it, at their old and
    then their new addresses, and the pages listing it at either place."""
    page = Page.objects.get(pk=instance.pk)
    if is_public_type(page) and page.live:
        purge([*public_pages().descendant_of(page, inclusive=True), *listing_pages(page)])


def restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        purge([*public_pages().descendant_of(page, inclusive=True), *listing_pages(page)])


def purge_pages_showing(page_ids):
    """A take-down: these pages (whichever their type) and the public pages above them."""
    pages = list(Page.objects.filter(pk__in=list(page_ids)))
    batch = PurgeBatch()
    batch.add_pages(page for page in pages if is_public_type(page))
    for page in pages:
        batch.add_pages(listing_pages(page))
    batch.purge()
