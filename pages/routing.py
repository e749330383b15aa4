"""Finding the page of an address in one query, whatever its depth, and what goes with it.

Wagtail walks the tree one level at a time: two queries per level (the child, then its
specific form), then two more for the view restrictions of the page and its ancestors,
one for the language switcher's translations and one for the breadcrumb's ancestors.
Here every page on the way is read at once, by the slugs of the address and the
`url_path` Wagtail keeps on each page, with whether a view restriction applies to it,
its locale and the translations of the last one; then the pages on the way are read in
their specific form, one query per page type. The result rides on the page served
(`route_of(page)`), so the breadcrumb, the language switcher and Wagtail's view
restriction check need no query.

What routing read is kept between requests for the current generation of the page tree
(scope TREE, performance/generations.py): any change to a page, a view restriction, a
workflow state, a site or a locale replaces it. The tree still has the last word: a page
the query did not find where `url_path` says (a stale `url_path`) is looked up by
Wagtail's own walk, and page types with their own routing (RoutablePageMixin, the
portal's fallback to the default locale) are handed the rest of the address as usual.
"""

import functools
import hashlib
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce, Length, Substr
from django.http import Http404
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models

from performance import generations

ROUTE_ATTRIBUTE = "_preau_route"
LOOKUPS_ATTRIBUTE = "_preau_route_lookups"
# The generation scope of everything routing reads (performance/generations.py).
TREE = "tree"


def public_filter():
    """Wagtail's `.public()` in the query itself: no view restriction on the page or above.

    `.public()` reads every restriction first, one more query each time it is used.
    """
    return ~Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def _in_workflow():
    """Whether the page is in moderation (an active workflow state), as Wagtail asks."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField
    from django.db.models.functions import Cast
    from wagtail.models import WorkflowState

    return Exists(
        WorkflowState.objects.active().filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
    )


def _restricted():
    """Whether a view restriction is set on this page (on its original, for an alias)."""
    original = Coalesce(OuterRef("alias_of_id"), OuterRef("pk"))
    return Exists(PageViewRestriction.objects.filter(page_id=original))


@functools.cache
def specific_accessors() -> dict:
    """Page model → the name by which a base Page row reaches its specific row.

    Every page type of the portal inherits Page directly (through abstract classes), so
    `select_related` of these names reads a page in its specific form with the row.
    """
    accessors = {}
    for model in get_page_models():
        link = model._meta.parents.get(Page)
        if link is not None and model._meta.get_parent_list() == [Page]:
            accessors[model] = link.remote_field.get_accessor_name()
    return accessors


def specific_of(page):
    """The page in its specific form: from its row's `select_related(*specific_accessors())`
    when the query had it, else from Wagtail (one more query)."""
    accessor = specific_accessors().get(page.specific_class)
    specific = None
    if accessor is not None and accessor in page._state.fields_cache:
        specific = page._state.fields_cache[accessor]
    if specific is None:
        return page.specific
    for name, value in page.__dict__.items():
        specific.__dict__.setdefault(name, value)  # as Wagtail's get_specific() does
    page.__dict__["specific"] = specific
    return specific


@dataclass
class Route:
    """The pages from the tree's root down to a routed page, read in one query."""

    chain: list  # base Page objects, root first, the routed page last; each has .restricted
    translations: list | None = None  # the routed page's translations (itself included)
    statements: list | None = None  # accessibility statements below pages of the chain

    @property
    def ancestors(self):
        return self.chain[:-1]

    def view_restriction_page_ids(self):
        return [page.alias_of_id or page.pk for page in self.chain if page.restricted]


def route_of(page) -> Route | None:
    """What routing read for this page in this request, or None (not routed here)."""
    return getattr(page, ROUTE_ATTRIBUTE, None)


class _RouteCache:
    """The pages routing read during one request, by tree path and by (parent, slug)."""

    def __init__(self):
        self.by_path = {}
        self.children = {}
        self.translations = {}  # translation key of a routed address's last page → pages
        self.statements = []  # accessibility statements just below a page of the address

    @classmethod
    def of(cls, request):
        cache = getattr(request, LOOKUPS_ATTRIBUTE, None)
        if cache is None:
            cache = cls()
            setattr(request, LOOKUPS_ATTRIBUTE, cache)
        return cache

    def read(self, root, components):
        """The pages of the rest of the address below `root`, its ancestors, the
        translations of its last page and the accessibility statements that may speak
        for it (the footer's, pages/identity.py), in one query."""
        from django.contrib.contenttypes.models import ContentType

        from .models import AccessibilityStatementPage

        steplen = Page.steplen
        statement_type = ContentType.objects.get_for_model(AccessibilityStatementPage)
        levels = Q()
        url_path = root.url_path
        statements = Q(depth=root.depth + 1, url_path__startswith=url_path)
        for depth, slug in enumerate(components, start=root.depth + 1):
            url_path += f"{slug}/"
            levels |= Q(depth=depth, slug=slug, url_path=url_path)
            statements |= Q(depth=depth + 1, url_path__startswith=url_path)
        statements &= Q(content_type=statement_type, path__startswith=root.path)
        last = Page.objects.filter(
            path__startswith=root.path,
            depth=root.depth + len(components),
            slug=components[-1],
            url_path=url_path,
        )
        above = [root.path[:end] for end in range(steplen, len(root.path) + 1, steplen)]

        def load():
            rows = list(
                Page.objects.filter(
                    (levels & Q(path__startswith=root.path))
                    | Q(path__in=above)
                    | Q(translation_key__in=last.values("translation_key"))
                    | statements
                )
                .select_related("locale")
                .annotate(restricted=_restricted(), in_workflow=_in_workflow())
                .order_by("path")
            )
            _read_specific(rows)
            return rows

        rows = generations.read_through(_route_key(root, components), (TREE,), load)
        leaf_key = next((page.translation_key for page in rows if page.url_path == url_path), None)
        for page in rows:
            if not page.in_workflow:
                # Wagtail's own prefetch (prefetch_workflow_states): none is active, so
                # its user bar and moderation checks need no query to learn it.
                page._current_workflow_states = []
                if "specific" in page.__dict__:
                    page.__dict__["specific"]._current_workflow_states = []
            if page.path in above or (levels and page.path.startswith(root.path)):
                self.by_path.setdefault(page.path, page)
                if len(page.path) > steplen:
                    self.children.setdefault((page.path[:-steplen], page.slug), page)
        if leaf_key is not None:
            self.translations[leaf_key] = [p for p in rows if p.translation_key == leaf_key]
        known = {page.pk for page in self.statements}
        self.statements += [
            page
            for page in rows
            if page.content_type_id == statement_type.pk and page.pk not in known
        ]

    def child(self, parent, slug):
        return self.children.get((parent.path, slug))

    def chain_to(self, page):
        """Root-first base pages down to `page`, if all were read by routing."""
        steplen = Page.steplen
        paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
        chain = [self.by_path.get(path) for path in paths]
        if all(step is not None for step in chain):
            return chain
        return None


@functools.cache
def read_models() -> tuple:
    """What routing reads, hence what starts a new tree generation when it changes
    (with any page's publication, unpublication or move)."""
    from wagtail.models import Locale, Site, WorkflowState

    return (Page, PageViewRestriction, WorkflowState, Locale, Site)


def page_life_models() -> tuple:
    """What else is saved with pages and shown with them (their revisions, moderation
    tasks and page permissions, the relations a page saves with itself): a change
    belongs to the tree's generation too, so that a page built from it may be kept
    (performance/personal_pages.py)."""
    from modelcluster.fields import ParentalManyToManyField
    from wagtail.models import GroupPagePermission, Revision, Task, TaskState

    relations = tuple(
        field.remote_field.through
        for model in get_page_models()
        for field in model._meta.local_many_to_many
        if isinstance(field, ParentalManyToManyField)
    )
    return (Revision, Task, TaskState, GroupPagePermission, *relations)


def _read_specific(pages) -> None:
    """Give each page its specific form (the page served, its class space, its school...),
    one query per page type: joining every page type's table to the query above made it
    slow to plan, and what routing read is then kept with them."""
    specifics = {
        page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()
    }
    for page in pages:
        specific = specifics.get(page.pk)
        if specific is None or "specific" in page.__dict__:
            continue
        for name, value in page.__dict__.items():
            specific.__dict__.setdefault(name, value)  # as Wagtail's get_specific() does
        page.__dict__["specific"] = specific


def _route_key(root, components) -> str:
    address = "/".join(components).encode()
    return f"route:{root.pk}:{hashlib.sha256(address).hexdigest()}"


def _routes_like_a_page(model) -> bool:
    return model.route in (Page.route, RoutedPageMixin.route)


class RoutedPageMixin:
    """Routes the rest of an address in one query, and answers view restrictions from it."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        cache = _RouteCache.of(request)
        if cache.child(self, path_components[0]) is None:
            cache.read(self, path_components)
        page, remaining = self, list(path_components)
        while remaining:
            child = cache.child(page, remaining[0])
            if child is None:
                # Not where its url_path says: Wagtail's own walk has the last word.
                try:
                    child = page.get_children().get(slug=remaining[0])
                except Page.DoesNotExist as error:
                    raise Http404 from error
            child._cached_parent_obj = page
            remaining = remaining[1:]
            model = child.specific_class
            if remaining and model is not None and _routes_like_a_page(model):
                page = child
                continue
            specific = specific_of(child)
            chain = cache.chain_to(child)
            if chain is not None:
                translations = None if remaining else cache.translations.get(child.translation_key)
                setattr(specific, ROUTE_ATTRIBUTE, Route(chain, translations, cache.statements))
            return specific.route(request, remaining)
        raise Http404  # not reached: the loop returns

    def get_view_restrictions(self):
        route = route_of(self)
        if route is not None:
            ids = route.view_restriction_page_ids()
            if not ids:
                return PageViewRestriction.objects.none()
            return PageViewRestriction.objects.filter(page_id__in=ids)
        return view_restrictions_of(self)

    @property
    def localized(self):
        """Wagtail's answer, without its query for the active locale when the page is
        already in the language of the request (nearly always)."""
        if self.locale_id == active_locale_id():
            return self
        return super().localized


def active_locale_id():
    """The id of the locale of the active language, as `Locale.get_active()` finds it,
    kept with the tree (a locale belongs to the TREE scope): Wagtail asks the database
    for it on every page it serves."""
    language = translation.get_language()

    def load():
        try:
            return Locale.get_active().pk
        except Locale.DoesNotExist:
            return 0

    return generations.read_through(f"locale:{language}", (TREE,), load)


def view_restrictions_of(page):
    """Wagtail's Page.get_view_restrictions() in one query instead of two."""
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
    ).distinct()
