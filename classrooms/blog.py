"""The class blog as an activity of the class space: its cards, its queue, its drafts.

Registered from ClassroomsConfig.ready() like any other activity (activities.py). Every
hook loads what it shows in bulk, so the wall costs the same number of queries whatever
the number of entries, authors, photos and recordings.
"""

from django.db.models import Prefetch, Q
from django.urls import reverse
from wagtail.images import get_image_model
from wagtailmedia import get_media_model

from .models import BlogEntryPage, Guardianship
from .moderation import awaiting_review, reviews_for, teaches_class_of
from .permissions import can_post_in_classroom
from .visibility import shown_name

# Renditions the wall shows; prefetched with the images so a warm wall needs no query each.
CARD_PHOTO = "fill-480x320-c75"


def first_of(body, block_type, key):
    for block in body.raw_data:
        if block["type"] == block_type and (block.get("value") or {}).get(key):
            return block["value"][key]
    return None


def children_of(user) -> frozenset[int]:
    """Ids of this person's children, once per user object (to mark what they wrote)."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_preau_children_ids", None)
    if cached is None:
        cached = frozenset(
            Guardianship.objects.filter(parent=user).values_list("child_id", flat=True)
        )
        user._preau_children_ids = cached
    return cached


def prepare_cards(entries, request):
    """Authors, first photo and first recording of each entry, in four queries in all."""
    from django.contrib.auth import get_user_model
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(
        entries,
        Prefetch("authors", queryset=get_user_model().objects.order_by("first_name")),
        "tagged_items__tag",
    )
    photo_ids = {entry.pk: first_of(entry.body, "image", "image") for entry in entries}
    audio_ids = {entry.pk: first_of(entry.body, "recording", "audio") for entry in entries}
    photos = get_image_model().objects.filter(pk__in={i for i in photo_ids.values() if i})
    photos = {photo.pk: photo for photo in photos.prefetch_renditions(CARD_PHOTO)}
    recordings = get_media_model().objects.filter(pk__in={i for i in audio_ids.values() if i})
    recordings = {recording.pk: recording for recording in recordings}
    children = children_of(request.user)
    for entry in entries:
        entry.card_photo = photos.get(photo_ids[entry.pk])
        entry.card_recording = recordings.get(audio_ids[entry.pk])
        # Cards are shown on the class's own wall: its members read full display names.
        entry.shown_authors = [shown_name(a, in_class=True) for a in entry.authors.all()]
        entry.by_my_child = any(author.pk in children for author in entry.authors.all())
        entry.topics = [item.tag for item in entry.tagged_items.all()]


def to_review(classroom, user):
    """Entries sent by pupils and waiting for this teacher."""
    if not (user.is_superuser or teaches_class_of(user, classroom)):
        return []
    waiting = list(awaiting_review(classroom, BlogEntryPage).select_related("owner"))
    for entry in waiting:
        entry.review_url = reverse("classrooms:entry_review", kwargs={"entry_id": entry.pk})
    return waiting


def drafts(classroom, user):
    """This person's unpublished entries in the class, with where each one stands."""
    if not user.is_authenticated:
        return []
    mine = (
        BlogEntryPage.objects.child_of(classroom)
        .filter(live=False)
        .filter(Q(authors=user) | Q(owner=user))
        .distinct()
        .order_by("-latest_revision_created_at")
    )
    mine = list(mine)
    reviews = reviews_for(mine)
    for entry in mine:
        entry.review = reviews[entry.pk]
        entry.edit_url = reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk})
    return mine


def new_url(classroom, user):
    if not can_post_in_classroom(user, classroom):
        return ""
    return reverse("classrooms:entry_new", kwargs={"classroom_id": classroom.pk})
