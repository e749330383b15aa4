"""The class blog as an activity of the class space: its cards, its queue, its drafts.

Registered from ClassroomsConfig.ready() like any other activity (activities.py). Every
hook loads what it shows in bulk, so the wall costs the same number of queries whatever
the number of entries, authors, photos and recordings: authors and topics come with the
wall's own query (wall_annotations), photos and recordings in one query each, and what
waits for a teacher and the person's drafts in one query for both.
"""

from django.contrib.auth import get_user_model
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import WorkflowState
from wagtailmedia import get_media_model

from performance import request_scope

from .aggregates import json_rows, rows_of
from .models import BlogEntryPage, BlogEntryTag
from .moderation import EntryStatus, Review, page_content_type, teaches_class_of
from .permissions import can_post_in_classroom
from .person import person_of
from .visibility import shown_name

# The rendition the wall's cards show, read with their photos.
CARD_PHOTO = "fill-480x320-c75"
# Under this key the request remembers a person's queues (performance/request_scope.py).
_QUEUE = "blog queue"


def first_of(body, block_type, key):
    for block in body.raw_data:
        if block["type"] == block_type and (block.get("value") or {}).get(key):
            return block["value"][key]
    return None


def children_of(user) -> frozenset[int]:
    """Ids of this person's children, once per request (to mark what they wrote)."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(person_of(user).children)


def wall_annotations():
    """Each entry's authors and topics, read by the wall's own query."""
    authors = BlogEntryPage.authors.through.objects.filter(blogentrypage_id=OuterRef("pk"))
    topics = BlogEntryTag.objects.filter(content_object_id=OuterRef("pk"))
    return {
        "card_author_rows": json_rows(
            authors,
            "blogentrypage_id",
            id="user_id",
            username="user__username",
            first="user__first_name",
            last="user__last_name",
        ),
        "card_topic_rows": json_rows(
            topics, "content_object_id", id="tag_id", name="tag__name", slug="tag__slug"
        ),
    }


def card_authors(entry):
    if not hasattr(entry, "card_author_rows"):
        return list(entry.authors.order_by("first_name"))
    User = get_user_model()
    people = [
        User(pk=row["id"], username=row["username"], first_name=row["first"], last_name=row["last"])
        for row in rows_of(entry.card_author_rows)
    ]
    return sorted(people, key=lambda person: (person.first_name, person.pk))


def card_topics(entry):
    if not hasattr(entry, "card_topic_rows"):
        return [item.tag for item in entry.tagged_items.select_related("tag")]
    rows = sorted(rows_of(entry.card_topic_rows), key=lambda row: row["id"])
    return [Tag(pk=row["id"], name=row["name"], slug=row["slug"]) for row in rows]


def card_photos(image_ids) -> dict:
    """The photos, each with its card rendition, in two queries (Wagtail's
    `prefetch_renditions`), so `{% image %}` needs no query; a photo never shown on a
    card yet gets its rendition made now, so that the photo kept with the wall holds it."""
    Image = get_image_model()
    if not image_ids:
        return {}
    photos = {
        photo.pk: photo
        for photo in Image.objects.filter(pk__in=image_ids).prefetch_renditions(CARD_PHOTO)
    }
    for photo in photos.values():
        photo.get_rendition(CARD_PHOTO)  # no query once prefetched
    return photos


def share_cards(entries):
    """Authors, topics, first photo and first recording of each entry, in three queries:
    the same for every reader of the class, so kept with the wall (classrooms/wall.py)."""
    photo_ids = {entry.pk: first_of(entry.body, "image", "image") for entry in entries}
    audio_ids = {entry.pk: first_of(entry.body, "recording", "audio") for entry in entries}
    photos = card_photos({i for i in photo_ids.values() if i})
    recordings = get_media_model().objects.filter(pk__in={i for i in audio_ids.values() if i})
    recordings = {recording.pk: recording for recording in recordings}
    for entry in entries:
        authors = card_authors(entry)
        entry.card_photo = photos.get(photo_ids[entry.pk])
        entry.card_recording = recordings.get(audio_ids[entry.pk])
        # Cards are shown on the class's own wall: its members read full display names.
        entry.shown_authors = [shown_name(a, in_class=True) for a in authors]
        entry.card_author_ids = frozenset(author.pk for author in authors)
        entry.topics = card_topics(entry)


def prepare_cards(entries, request):
    """A parent's own mark on the cards their child wrote: no query."""
    children = children_of(request.user)
    for entry in entries:
        entry.by_my_child = bool(entry.card_author_ids & children)
        entry.card_personal = entry.by_my_child


def _queue(classroom, user):
    """Entries waiting for this teacher and this person's unpublished ones, in one query.

    Remembered for the request (performance/request_scope.py): the wall asks for both.
    """
    return request_scope.remembered(
        request_scope.person_section(user.pk),
        (_QUEUE, classroom.pk),
        lambda: _read_queue(classroom, user),
    )


def _read_queue(classroom, user):
    teacher = user.is_superuser or teaches_class_of(user, classroom)
    # Drafts are started in the front end by people who post in the class, or in the
    # Wagtail admin: nobody else has any (parents skip the query).
    poster = can_post_in_classroom(user, classroom) or person_of(user).may_access_admin
    if not (teacher or poster):
        return ([], [])
    states = WorkflowState.objects.active().filter(
        base_content_type=page_content_type(),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    wanted = Q(pk__in=[])
    if teacher:
        wanted |= Q(state_status=WorkflowState.STATUS_IN_PROGRESS)
    if poster:
        wanted |= Q(live=False) & (Q(mine=True) | Q(owner=user))
    authored = BlogEntryPage.authors.through.objects.filter(
        blogentrypage_id=OuterRef("pk"), user_id=user.pk
    )
    entries = list(
        BlogEntryPage.objects.child_of(classroom)
        .annotate(
            state_status=Subquery(states.values("status")[:1]),
            state_note=Subquery(states.values("current_task_state__comment")[:1]),
            mine=Exists(authored),
        )
        .filter(wanted)
        .select_related("owner")
    )
    waiting = [
        entry
        for entry in entries
        if teacher and entry.state_status == WorkflowState.STATUS_IN_PROGRESS
    ]
    waiting.sort(key=lambda entry: _revised(entry))
    drafts = [
        entry
        for entry in entries
        if poster and not entry.live and (entry.mine or entry.owner_id == user.pk)
    ]
    drafts.sort(key=lambda entry: _revised(entry), reverse=True)
    return (waiting, drafts)


def _revised(entry):
    """Sort key: when the entry was last revised (never revised ones first)."""
    when = entry.latest_revision_created_at
    return (when is not None, when or 0)


def _review(entry):
    """Where an entry stands, from the workflow state read with it (moderation.reviews_for)."""
    if entry.state_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return Review(EntryStatus.NEEDS_CHANGES, note=entry.state_note or "")
    if entry.state_status is not None:
        return Review(EntryStatus.SUBMITTED)
    if entry.live:
        return Review(EntryStatus.PUBLISHED)
    return Review(EntryStatus.DRAFT)


def to_review(classroom, user):
    """Entries sent by pupils and waiting for this teacher."""
    if not (user.is_superuser or teaches_class_of(user, classroom)):
        return []
    waiting = list(_queue(classroom, user)[0])
    for entry in waiting:
        entry.review_url = reverse("classrooms:entry_review", kwargs={"entry_id": entry.pk})
    return waiting


def drafts(classroom, user):
    """This person's unpublished entries in the class, with where each one stands."""
    if not user.is_authenticated:
        return []
    mine = list(_queue(classroom, user)[1])
    for entry in mine:
        entry.review = _review(entry)
        entry.edit_url = reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk})
    return mine


def new_url(classroom, user):
    if not can_post_in_classroom(user, classroom):
        return ""
    return reverse("classrooms:entry_new", kwargs={"classroom_id": classroom.pk})
