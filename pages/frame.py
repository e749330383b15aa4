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

from wagtail.models import Page

from performance import versions

from .identity import accessibility_statement_for
from .versions import CLASS_DEPTH, SCHOOL_DEPTH, class_path_of, school_path_of


@dataclass
class Frame:
    ancestors: list  # below the tree's root, root first
    translations: list  # live translations of the page, itself included, with their locale
    statement: Page | None
    locale: object = None  # a class space's locale, which its activities share


def _read(page) -> Frame:
    return Frame(
        ancestors=list(page.get_ancestors())[1:],
        translations=list(page.get_translations(inclusive=True).live().select_related("locale")),
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
        # An activity of a class space: its class's frame, one step further. Activities
        # have no children (so no statement of their own) and class spaces live in one
        # language (an activity's only translation is itself).
        frame = _class_frame(class_path_of(page.path))
        if page.locale_id == frame.locale.pk:
            page.locale = frame.locale  # the language switcher reads it: no query
        return Frame(
            ancestors=frame.ancestors,
            translations=[page] if page.live else [],
            statement=frame.statement,
        )
    return versions.cached(f"frame:{page.pk}", scopes_of(page), lambda: _read(page))


def _class_frame(class_path) -> Frame:
    """What every activity of a class shares of its frame: the class space among the
    ancestors, and the statement: once for all the class's entries and exercises."""

    def load():
        space = Page.objects.select_related("locale").get(path=class_path)
        frame = _read(space)
        frame.ancestors.append(space)
        frame.locale = space.locale
        return frame

    scopes = (
        versions.school_scope(school_path_of(class_path)),
        versions.class_scope(class_path),
    )
    return versions.cached(f"class-frame:{class_path}", scopes, load)
