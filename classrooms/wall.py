"""The class wall: what a class space's page shows to each of the people who may see it.

Latest published activities (each kind prepares its own cards in bulk, from what it
asked the wall's one query to read), what waits for the teacher, the person's drafts,
the topics and teachers of the class, and what the other classes of the school shared.
Every part costs a fixed number of queries, whatever the number of activities.

What is the same for every family of the class is built once and shared under the
class's version (performance/versions.py): the wall's pages with what their cards show
(`share_cards`), each card's HTML, the class's teachers, topics and registered facts.
A change in one class leaves every other class's shared wall in place. What differs per
reader is added around them at each request: a card hidden from a pupil, the badge on
the cards their child wrote (such a card is rendered for them), their drafts, what
waits for the teacher.
"""

import hashlib

from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Length, Substr
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.models import Page

from pages.versions import school_path_of
from performance import versions

from . import activities
from .aggregates import json_rows, rows_of
from .feeds import feed_url
from .groups import groups_of
from .models import BlogEntryPage, BlogEntryTag, ClassroomPage, Membership, Visibility
from .nursery import pupil_in_nursery_mode
from .permissions import can_manage_classroom
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
    return Page.objects.child_of(classroom).live().type(*models).order_by("-first_published_at")


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


def class_version(classroom) -> tuple:
    """The version the class's shared wall is kept under (performance/versions.py)."""
    return (versions.class_scope(classroom.path),)


def wall_page(request, classroom, topic):
    """One page of the wall: the same pages and cards for every reader of the class, so
    they are shared under the class's version; cards become the reader's in `prepare()`."""
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
        share_cards(pages)
        return pages, number

    topic_key = hashlib.sha256(topic.encode()).hexdigest()[:16]
    key = f"wall:{classroom.pk}:{topic_key}:{asked}"
    pages, number = versions.cached(key, class_version(classroom), load)
    return WallPage(pages, number, WALL_SIZE)


def _slice(queryset, number):
    """One page of rows, each in its specific form (one query per activity type)."""
    start = (number - 1) * WALL_SIZE
    return list(queryset.specific()[start : start + WALL_SIZE + 1])


def share_cards(pages):
    """Let each activity load what its cards show that is the same for every reader."""
    by_activity = {}
    for page in pages:
        activity = activities.for_model(type(page))
        if activity and activity.share_cards:
            by_activity.setdefault(activity, []).append(page)
    for activity, group in by_activity.items():
        activity.share_cards(group)


def prepare(pages, request):
    """Give each page its card template and let its activity load what the card shows."""
    by_activity = {}
    for page in pages:
        page.card_hidden = False  # an activity may hide a card from this reader (below)
        page.card_personal = False  # ...or make it theirs: it is then rendered for them
        activity = activities.for_model(type(page))
        page.card_template = (
            activity.card_template if activity else "classrooms/cards/activity.html"
        )
        if activity and activity.prepare_cards:
            by_activity.setdefault(activity, []).append(page)
    for activity, group in by_activity.items():
        activity.prepare_cards(group, request)


def render_cards(request, pages, classroom):
    """Each visible card's HTML: shared by the class's readers (one cache round trip for
    the page of cards), except the cards made personal for this reader."""
    version = versions.current(*class_version(classroom))
    # Links are written for the host asked (a school may have its own address).
    language, host = translation.get_language(), request.get_host()
    shown = [page for page in pages if not page.card_hidden]
    keys = {
        page.pk: f"{versions.VALUE_PREFIX}card:{page.pk}:{host}:{language}:{version}"
        for page in shown
        if not page.card_personal
    }
    backend = versions.cache_backend()
    found = backend.get_many(list(keys.values())) if versions.enabled() else {}
    missing = {}
    for page in shown:
        key = keys.get(page.pk)
        html = found.get(key) if key else None
        if html is None:
            html = render_to_string(page.card_template, {"item": page, "request": request})
            if key:
                missing[key] = html
        page.card_html = mark_safe(html)  # rendered from our own template
    if missing and versions.enabled():
        backend.set_many(missing, versions.lifetime())
    return shown


# Other apps add what their parts of the wall need to the class's one query (the comments
# app: partner classes): name → build(classroom, request) giving a json_rows() subquery.
# The wall hands its ClassFacts to the class page's template as `class_facts`, where
# those apps' template tags read their rows (comments/templatetags/class_comments.py).
_class_facts = {}


def register_class_fact(name, build) -> None:
    """Called from an AppConfig.ready(); the rows are then read by the wall's `ClassFacts`.

    The facts are shared by every reader of the class: `build` says nothing of the
    person, and what it reads must replace the class's version when it changes
    (performance/versions.py `watch`)."""
    _class_facts[name] = build


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
    may read), so shared by them under the class's version and its school's (what the
    school's other classes publish for it)."""

    def __init__(self, request, classroom):
        self.classroom = classroom
        scopes = (
            *class_version(classroom),
            versions.school_scope(school_path_of(classroom.path)),
        )
        self.row = versions.cached(self._key(request.user), scopes, lambda: self._read(request))

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
    cards = render_cards(request, wall.object_list, classroom)
    to_review, drafts, new_buttons = [], [], []
    # An archive (a closed class) is read-only: nothing to start, review or finish.
    for activity in [] if classroom.is_archive else activities.registered():
        if activity.to_review:
            to_review += activity.to_review(classroom, user)
        if activity.drafts:
            drafts += activity.drafts(classroom, user)
        if activity.new_url and (url := activity.new_url(classroom, user)):
            new_buttons.append((activity, url))
    facts = ClassFacts(request, classroom)
    # Ways out of the class to an app's own pages about it (the carnet de liaison...):
    # each `preau_class_links` hook gives (url, label, icon) for this person, or nothing.
    class_links = [
        link
        for hook in hooks.get_hooks("preau_class_links")
        for link in hook(classroom, user)
        if not classroom.is_archive
    ]
    return {
        "wall": wall,
        "cards": cards,
        "topic": topic,
        "topics": facts.topics,
        "to_review": to_review,
        "drafts": drafts,
        "new_buttons": new_buttons,
        "teachers": facts.teachers,
        "shared": facts.shared,
        "class_facts": facts,
        "can_manage": can_manage_classroom(user, classroom),
        "feed_url": feed_url(request, classroom, user),
        "my_groups": groups_of(user, classroom),
        "class_links": class_links,
        # Pictograms and speaker buttons for a pupil who does not read yet.
        "nursery_mode": pupil_in_nursery_mode(user, classroom),
    }
