"""Which shared versions a change to a page replaces (performance/versions.py).

The tree's depths are fixed by the page types (DESIGN.md "Page tree"): the portal at
depth 2, schools and towns at 3, class spaces at 4, their activities at 5. A page below a
school therefore belongs to the class whose path is its path's first four steps, and to
the school of the first three.

- Every change replaces the page's own version.
- A class space, or an activity that is or once was published, also replaces its class's
  version (the wall's cards, topics and titles). A pupil's draft of an entry never
  published, and a draft revision of any page (Wagtail's `save_revision` writes only the
  revision's fields), leave the class's kept wall in place: no family reads them.
- A school or town, and any page below it that is or once was published (or is moved
  or deleted), also replaces the school's version: another class may show it among what
  the school shared, and every page of the school shows the school's breadcrumb and
  accessibility statement (pages/frame.py).
"""

from django.db.models.signals import post_delete, pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from performance import versions

CLASS_DEPTH = 4
SCHOOL_DEPTH = 3
# What Wagtail's save_revision() writes on the page row: a draft, nothing a reader sees.
REVISION_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
    }
)
TREE_EVENTS = (page_published, page_unpublished, pre_page_move, post_page_move)


def class_path_of(path: str) -> str:
    return path[: CLASS_DEPTH * Page.steplen]


def school_path_of(path: str) -> str:
    return path[: SCHOOL_DEPTH * Page.steplen]


def scopes_of_page(page, signal=None, update_fields=None, **kwargs) -> tuple:
    """The versions a change of `page` replaces (see the module docstring)."""
    if page is None or not page.path:
        return ()
    scopes = [versions.page_scope(page.pk)]
    if update_fields is not None and set(update_fields) <= REVISION_FIELDS:
        return tuple(scopes)
    if page.depth < SCHOOL_DEPTH:
        return tuple(scopes)
    event = signal in TREE_EVENTS or signal in (pre_delete, post_delete)
    published = page.live or page.first_published_at is not None
    if page.depth >= CLASS_DEPTH and (page.depth == CLASS_DEPTH or published or event):
        scopes.append(versions.class_scope(class_path_of(page.path)))
    if page.depth == SCHOOL_DEPTH or event or published:
        scopes.append(versions.school_scope(school_path_of(page.path)))
    if signal in (pre_page_move, post_page_move):
        # The class and school it leaves, and those it joins.
        for parent in (kwargs.get("parent_page_before"), kwargs.get("parent_page_after")):
            if parent is not None and parent.depth >= CLASS_DEPTH:
                scopes.append(versions.class_scope(class_path_of(parent.path)))
                scopes.append(versions.school_scope(school_path_of(parent.path)))
    return tuple(scopes)


def restriction_changed(restriction, **kwargs) -> tuple:
    """A view restriction set or lifted: as if the page it covers were published anew
    (what is shared of it and its school, the statement in its school's footer)."""
    page = Page.objects.filter(pk=restriction.page_id).first()
    return scopes_of_page(page, signal=page_published) if page is not None else ()


def page_models() -> tuple:
    return (Page,)


def restriction_models() -> tuple:
    from wagtail.models import PageViewRestriction

    return (PageViewRestriction,)


def watch() -> None:
    """Called from PagesConfig.ready()."""
    versions.watch(scopes_of_page, page_models)
    versions.watch(restriction_changed, restriction_models)
