"""What the reading club's views read and write, in constant queries: the topics of a
club, a topic's thread (its replies, their files, quotes and stickers), the shelf, the
contributions waiting for a teacher; opening a topic, replying, sticking a sticker."""

import mimetypes
from collections import Counter, defaultdict

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from messaging.attachments import recording_type

from . import notices, rules
from .models import Post, PostFile, Reading, Status, Sticker, Topic


def _seen_by(standing, user, author_field):
    """Contributions (topics or replies) this person may see: the published ones, their
    own (`author_field` names their author) and those of the classes they review."""
    if standing.admin:
        return Q(pk__isnull=False)
    return (
        Q(status=Status.PUBLISHED)
        | Q(classroom_id__in=list(standing.taught_class_ids))
        | Q(**{author_field: user})
    )


def topics_of(standing, user) -> list:
    """The club's topics this person sees, pinned first, with their published replies'
    count and (for reviewers) how many wait: one query."""
    published = Q(posts__status=Status.PUBLISHED)
    waiting = Q(posts__status=Status.PENDING) & Q(
        posts__classroom_id__in=list(standing.taught_class_ids)
    )
    seen = _seen_by(standing, user, "created_by")
    return list(
        Topic.objects.filter(seen, space=standing.space)
        .select_related("classroom")
        .annotate(
            replies=Count("posts", filter=published, distinct=True),
            waiting=Count("posts", filter=waiting, distinct=True),
        )
        .order_by("-pinned", "-last_post_at", "-created_at")
    )


def thread(standing, user, topic) -> list:
    """The replies of `topic` this person sees, in order, each with `.photos`, `.audios`,
    `.sticker_counts` [(kind, label, count, mine)] and `.quote_shown` (the quoted reply if
    it may still be shown): four queries whatever the number of replies."""
    seen = _seen_by(standing, user, "author")
    posts = list(
        Post.objects.filter(seen, topic=topic)
        .select_related("classroom", "quote")
        .prefetch_related("files")
    )
    ids = [post.pk for post in posts]
    counts = Counter()
    for post_id, kind, number in (
        Sticker.objects.filter(post_id__in=ids)
        .values_list("post_id", "kind")
        .annotate(number=Count("pk"))
        .order_by()
    ):
        counts[post_id, kind] = number
    mine = set(Sticker.objects.filter(post_id__in=ids, user=user).values_list("post_id", "kind"))
    for post in posts:
        post.photos = [file for file in post.files.all() if file.kind == PostFile.Kind.PHOTO]
        post.audios = [file for file in post.files.all() if file.kind == PostFile.Kind.AUDIO]
        post.sticker_counts = [
            (kind, label, counts[post.pk, kind], (post.pk, kind) in mine)
            for kind, label in Sticker.Kind.choices
        ]
        quote = post.quote
        post.quote_shown = (
            quote if quote is not None and (quote.status == Status.PUBLISHED) else None
        )
        post.may_review = rules.may_review(standing, post)
        post.may_hide = rules.may_hide(standing, post)
    return posts


def waiting_for(standing) -> tuple[list, list]:
    """(topics, replies) of the club written by pupils of the classes this person teaches,
    waiting for their review: two queries."""
    classes = list(standing.taught_class_ids)
    if standing.admin:
        classes = [row.classroom_id for row in standing.classes]
    topics = list(
        Topic.objects.filter(
            space=standing.space, status=Status.PENDING, classroom_id__in=classes
        ).select_related("classroom")
    )
    posts = list(
        Post.objects.filter(
            topic__space=standing.space, status=Status.PENDING, classroom_id__in=classes
        )
        .select_related("classroom", "topic", "quote")
        .prefetch_related("files")
    )
    for post in posts:
        post.photos = [file for file in post.files.all() if file.kind == PostFile.Kind.PHOTO]
        post.audios = [file for file in post.files.all() if file.kind == PostFile.Kind.AUDIO]
        post.quote_shown = (
            post.quote if post.quote and post.quote.status == Status.PUBLISHED else None
        )
    return topics, posts


def shelf(standing) -> list:
    """The books of the club (published book topics) with the classes that read them."""
    books = list(
        Topic.objects.filter(
            space=standing.space, kind=Topic.Kind.BOOK, status=Status.PUBLISHED
        ).order_by("title")
    )
    readers = defaultdict(list)
    for reading in Reading.objects.filter(topic__in=books).select_related("classroom"):
        readers[reading.topic_id].append(reading.classroom)
    for book in books:
        book.read_by = sorted(readers[book.pk], key=lambda classroom: classroom.title)
    return books


def _photo_file(photo):
    return ContentFile(photo.content.read(), name=photo.name)


@transaction.atomic
def open_topic(standing, user, form) -> Topic:
    data = form.cleaned_data
    topic = form.save(commit=False)
    topic.space = standing.space
    topic.created_by = user
    topic.author_name = user.display_name
    topic.classroom_id = rules.writing_class_id(standing)
    topic.status = rules.first_status(standing)
    topic.last_post_at = timezone.now()
    if data.get("cover_photo"):
        topic.cover = _photo_file(data["cover_photo"])
    topic.save()
    if data.get("our_class_read_it") and topic.kind == Topic.Kind.BOOK and topic.classroom_id:
        Reading.objects.get_or_create(topic=topic, classroom_id=topic.classroom_id)
    if topic.status == Status.PENDING:
        notices.tell_reviewers(standing.space, topic, topic)
    return topic


@transaction.atomic
def reply(standing, user, topic, data, quote=None) -> Post:
    post = Post.objects.create(
        topic=topic,
        author=user,
        author_name=user.display_name,
        classroom_id=rules.writing_class_id(standing),
        text=data.get("text", ""),
        quote=quote,
        status=rules.first_status(standing),
    )
    photo = data.get("photo")
    if photo:
        PostFile.objects.create(
            post=post,
            kind=PostFile.Kind.PHOTO,
            name=photo.name,
            content_type=mimetypes.guess_type(photo.name)[0] or "image/jpeg",
            size=photo.content.size,
            file=_photo_file(photo),
        )
    recording = data.get("recording")
    if recording:
        recording.file.seek(0)
        content = recording.file.read()
        PostFile.objects.create(
            post=post,
            kind=PostFile.Kind.AUDIO,
            name=recording.name,
            content_type=recording_type(recording.name, "audio"),
            size=len(content),
            file=ContentFile(content, name=recording.name),
        )
    if post.status == Status.PUBLISHED:
        Topic.objects.filter(pk=topic.pk).update(last_post_at=post.created_at)
    else:
        notices.tell_reviewers(standing.space, topic, post)
    return post


def review(standing, user, contribution, approve: bool, note=""):
    """A teacher of the contribution's class publishes it or sends it back with a note."""
    contribution.status = Status.PUBLISHED if approve else Status.REFUSED
    fields = ["status"]
    if isinstance(contribution, Post):
        contribution.review_note = note[:300]
        contribution.reviewed_by = user
        fields += ["review_note", "reviewed_by"]
        topic = contribution.topic
        author = contribution.author
    else:
        topic = contribution
        author = contribution.created_by
    contribution.save(update_fields=fields)
    if approve and isinstance(contribution, Post):
        Topic.objects.filter(pk=topic.pk).update(last_post_at=timezone.now())
    if author is not None:
        notices.tell_author(author, topic, notices.PUBLISHED if approve else notices.SENT_BACK)


def toggle_sticker(user, post, kind) -> bool:
    """Stick or unstick; True when the sticker is now on the reply."""
    removed, _rows = Sticker.objects.filter(post=post, user=user, kind=kind).delete()
    if removed:
        return False
    Sticker.objects.get_or_create(post=post, user=user, kind=kind)
    return True
