"""What frames every page of a school: its breadcrumb, its translations, its statement.

Each page of the portal shows its ancestors (the breadcrumb), the language switcher's
translations of it and the accessibility statement that speaks for it, three queries
that are the same for every reader of the page. Below the portal they are shared under
the page's own version and its school's (performance/versions.py, pages/versions.py):
renaming the school, publishing a statement or moving the page replaces them. The
portal's own pages are few and mostly served to anonymous visitors from the public page
cache, so they are read as they are.
"""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Page

from performance import versions

from .identity import accessibility_statement_for
from .versions import CLASS_DEPTH, SCHOOL_DEPTH, class_path_of, school_path_of


@dataclass
class Frame:
    ancestors: list  # below the tree's root, root first
    translations: list  # live translations of the page, itself included, with their locale
    statement: Page | None


def _read(page) -> Frame:
    """The ancestors and live translations in one query (the prefixes of the page's tree
    path, its translation key), the statement in another."""
    paths = [page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)]
    rows = (
        Page.objects.filter(Q(path__in=paths) | Q(translation_key=page.translation_key, live=True))
        .select_related("locale")
        .order_by("path")
    )
    ancestors, translations = [], []
    for row in rows:
        if row.path in paths:
            ancestors.append(row)
        else:
            translations.append(row)
    return Frame(
        ancestors=ancestors[1:],  # below the tree's root
        translations=translations,
        statement=accessibility_statement_for(page),
    )


def scopes_of(page) -> tuple:
    scopes = [versions.page_scope(page.pk), versions.school_scope(school_path_of(page.path))]
    if page.depth >= CLASS_DEPTH:
        scopes.append(versions.class_scope(class_path_of(page.path)))
    return tuple(scopes)


def frame_of(page) -> Frame:
    """The page's frame, shared by its readers when it sits in a school or a town."""
    if page.depth < SCHOOL_DEPTH:
        return _read(page)
    if page.depth > CLASS_DEPTH:
        return _activity_frame(page)
    return versions.cached(f"frame:{page.pk}", scopes_of(page), lambda: _read(page))


def _activity_frame(page) -> Frame:
    """An activity of a class space: its class's frame, one step further, so every entry
    and exercise of a class shares the one the class's wall read. Activities have no
    children (no statement of their own) and class spaces live in one language (an
    activity's only translation is itself). The page type may name its class space
    (`frame_parent`, already read); otherwise it is read here."""
    space = getattr(page, "frame_parent", None)
    if space is None:
        space = Page.objects.select_related("locale").get(path=class_path_of(page.path))
    frame = frame_of(space)
    if page.locale_id == space.locale_id:
        page.locale = space.locale  # the language switcher reads it: no query
    return Frame(
        ancestors=[*frame.ancestors, space],
        translations=[page] if page.live else [],
        statement=frame.statement,
    )
