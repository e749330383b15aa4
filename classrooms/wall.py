"""The class wall: what a class space's page shows to each of the people who may see it.

Latest published activities (each kind prepares its own cards in bulk, from what it
asked the wall's one query to read), what waits for the teacher, the person's drafts,
the topics and teachers of the class, and what the other classes of the school shared.
Every part costs a fixed number of queries, whatever the number of activities.
"""

import hashlib

from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Length, Substr
from django.utils.functional import cached_property
from wagtail.models import Page

from pages.routing import TREE, specific_accessors, specific_of
from performance import generations

from . import activities
from .aggregates import json_rows, rows_of
from .feeds import feed_url
from .groups import groups_of
from .models import BlogEntryPage, BlogEntryTag, ClassroomPage, Membership, Visibility
from .permissions import can_manage_classroom
from .person import PEOPLE
from .visibility import readable_entries_filter, school_community_paths

WALL_SIZE = 12
DEFAULT_CARD = "classrooms/cards/activity.html"
SHARED_SIZE = 6


def wall_pages(classroom, topic=None):
    """Published activities of the class, newest first (only blog entries for a topic)."""
    if topic:
        return (
            BlogEntryPage.objects.child_of(classroom)
            .live()
            .filter(tags__slug=topic)
            .order_by("-first_published_at")
        )
    models = [activity.model for activity in activities.registered() if activity.on_wall]
    accessors = specific_accessors()
    return (
        Page.objects.child_of(classroom)
        .live()
        .type(*models)
        .select_related(*(accessors[model] for model in models if model in accessors))
        .order_by("-first_published_at")
    )


class WallPage:
    """One page of the wall, read in one query (one row more than shown, to know if
    there is a next page) instead of a count and a query per kind of activity."""

    def __init__(self, pages, number, size):
        self.number = number
        self.object_list = pages[:size]
        self.has_next = len(pages) > size
        self.has_previous = number > 1

    def has_other_pages(self):
        return self.has_next or self.has_previous

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def wall_page(request, classroom, topic):
    """One page of the wall: the same rows for every reader of the class, so they are
    kept (performance/generations.py) until a page, a person or a registered fact of the
    portal changes; cards become the reader's own in `prepare()`."""
    asked = _page_number(request.GET.get("page"))

    def load():
        queryset = wall_pages(classroom, topic)
        for activity in activities.registered():
            if activity.wall_annotations:
                queryset = queryset.annotate(**activity.wall_annotations())
        number = asked
        pages = _slice(queryset, number)
        if not pages and number > 1:
            # Beyond the last page (an old link): the last page, as a paginator would show.
            number = max(1, -(-queryset.count() // WALL_SIZE))
            pages = _slice(queryset, number)
        return [specific_of(page) for page in pages], number

    topic_key = hashlib.sha256(topic.encode()).hexdigest()[:16]
    key = f"wall:{classroom.pk}:{topic_key}:{asked}"
    pages, number = generations.read_through(key, class_scopes(), load)
    return WallPage(pages, number, WALL_SIZE)


def _slice(queryset, number):
    start = (number - 1) * WALL_SIZE
    return list(queryset[start : start + WALL_SIZE + 1])


def prepare(pages, request):
    """Give each page its card template and let its activity load what the card shows."""
    by_activity = {}
    for page in pages:
        page.card_hidden = False  # an activity may hide a card from this reader (below)
        activity = activities.for_model(type(page))
        page.card_template = (
            activity.card_template if activity else "classrooms/cards/activity.html"
        )
        if activity and activity.prepare_cards:
            by_activity.setdefault(activity, []).append(page)
    for activity, group in by_activity.items():
        activity.prepare_cards(group, request)


# Other apps add what their parts of the wall need to the class's one query (the comments
# app: partner classes): name → build(classroom, request) giving a json_rows() subquery.
_class_facts = {}
# The generation scopes of what those facts read, besides pages and people.
_fact_scopes = []
FACTS_ATTRIBUTE = "_preau_class_facts"


def register_class_fact(name, build, *, scope=None) -> None:
    """Called from an AppConfig.ready(); the rows are then read by `class_facts()`.

    The facts are kept for every reader of the class: `build` says nothing of the person.
    `scope` names the generation (performance/generations.py) its rows belong to."""
    _class_facts[name] = build
    if scope and scope not in _fact_scopes:
        _fact_scopes.append(scope)


def class_scopes() -> tuple:
    """What the wall's kept rows depend on: pages (entries, tags, titles), people (names,
    teachers, groups) and what the registered facts read."""
    return (TREE, PEOPLE, *_fact_scopes)


def class_facts(request, classroom):
    """The ClassFacts the wall read for this class in this request, if it did."""
    return getattr(request, FACTS_ATTRIBUTE, {}).get(classroom.pk)


def _shared_entries(classroom, user):
    """Entries the other classes of the school shared with it, or made public."""
    school_path = classroom.path[: -Page.steplen]
    return (
        BlogEntryPage.objects.live()
        .filter(path__startswith=school_path, depth=classroom.depth + 1)
        .exclude(path__startswith=classroom.path)
        .exclude(visibility=Visibility.CLASS)
        .filter(readable_entries_filter(user))
        .order_by("-first_published_at")
    )


class ClassFacts:
    """The class's teachers, topics, what the school's other classes shared with it and
    the facts other apps registered, read together in one query.

    The same for every reader who belongs to the same schools (the shared entries they
    may read), so kept for them (performance/generations.py) until a page, a person or
    a registered fact of the portal changes."""

    def __init__(self, request, classroom):
        self.classroom = classroom
        self.row = generations.read_through(
            self._key(request.user), class_scopes(), lambda: self._read(request)
        )
        cache = getattr(request, FACTS_ATTRIBUTE, None)
        if cache is None:
            cache = {}
            setattr(request, FACTS_ATTRIBUTE, cache)
        cache[classroom.pk] = self

    def _key(self, user):
        schools = "|".join(sorted(school_community_paths(user))).encode()
        return f"class-facts:{self.classroom.pk}:{hashlib.sha256(schools).hexdigest()[:24]}"

    def _read(self, request):
        classroom = self.classroom
        teachers = Membership.objects.filter(
            classroom_id=OuterRef("pk"), role=Membership.Role.TEACHER
        )
        # Topics of the class's published entries, all in one group.
        topics = BlogEntryTag.objects.filter(
            content_object__path__startswith=classroom.path,
            content_object__depth=classroom.depth + 1,
            content_object__live=True,
        ).annotate(everything=Value(1))
        shown = _shared_entries(classroom, request.user).values("pk")[:SHARED_SIZE]
        class_title = ClassroomPage.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        ).values("title")[:1]
        shared = (
            BlogEntryPage.objects.filter(pk__in=Subquery(shown))
            .annotate(everything=Value(1), class_title=Subquery(class_title))
            .order_by()
        )
        facts = {name: build(classroom, request) for name, build in _class_facts.items()}
        return (
            ClassroomPage.objects.filter(pk=classroom.pk)
            .annotate(
                teacher_rows=json_rows(
                    teachers,
                    "classroom_id",
                    id="user_id",
                    username="user__username",
                    first="user__first_name",
                    last="user__last_name",
                ),
                topic_rows=json_rows(topics, "everything", name="tag__name", slug="tag__slug"),
                shared_rows=json_rows(
                    shared,
                    "everything",
                    id="pk",
                    title="title",
                    url_path="url_path",
                    path="path",
                    published="first_published_at",
                    class_title="class_title",
                ),
                **facts,
            )
            .values("teacher_rows", "topic_rows", "shared_rows", *facts)
            .first()
        ) or {}

    def rows(self, name):
        return rows_of(self.row.get(name))

    @cached_property
    def teachers(self):
        from django.contrib.auth import get_user_model

        User = get_user_model()
        people = [
            User(
                pk=row["id"],
                username=row["username"],
                first_name=row["first"],
                last_name=row["last"],
            )
            for row in self.rows("teacher_rows")
        ]
        return sorted(people, key=lambda person: (person.last_name, person.pk))

    @cached_property
    def topics(self):
        from taggit.models import Tag

        unique = {row["slug"]: row["name"] for row in self.rows("topic_rows")}
        tags = [Tag(name=name, slug=slug) for slug, name in unique.items()]
        return sorted(tags, key=lambda tag: tag.name)

    @cached_property
    def shared(self):
        """Just what the wall shows of each shared entry: its title, address and class."""
        rows = sorted(
            self.rows("shared_rows"),
            key=lambda row: (row["published"] or "", row["id"]),
            reverse=True,
        )
        entries = []
        for row in rows:
            entry = Page(id=row["id"], title=row["title"], url_path=row["url_path"])
            entry.path = row["path"]
            entry.class_title = row["class_title"] or ""
            entries.append(entry)
        return entries


def wall_context(request, classroom):
    user = request.user
    topic = request.GET.get("sujet", "")[:100]
    wall = wall_page(request, classroom, topic)
    prepare(wall.object_list, request)
    to_review, drafts, new_buttons = [], [], []
    for activity in activities.registered():
        if activity.to_review:
            to_review += activity.to_review(classroom, user)
        if activity.drafts:
            drafts += activity.drafts(classroom, user)
        if activity.new_url and (url := activity.new_url(classroom, user)):
            new_buttons.append((activity, url))
    facts = ClassFacts(request, classroom)
    return {
        "wall": wall,
        "topic": topic,
        "topics": facts.topics,
        "to_review": to_review,
        "drafts": drafts,
        "new_buttons": new_buttons,
        "teachers": facts.teachers,
        "shared": facts.shared,
        "can_manage": can_manage_classroom(user, classroom),
        "feed_url": feed_url(request, classroom, user),
        "my_groups": groups_of(user, classroom),
    }
