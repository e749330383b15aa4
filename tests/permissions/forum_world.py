"""The reading club's part of the permission matrix's world (issue 21), built by
conftest.py in sharedspaces_world.py's space "Lectures du printemps" (A1 and partner B2
members, A2 left): a book topic with a published reply of a B2 pupil (with a picture), a
published reply of the A2 pupil written before A2 left, and a reply of the A1 pupil (the
matrix's PUPIL) waiting for the A1 teacher. Only ids and words leave the builder."""

from dataclasses import dataclass

from django.core.files.base import ContentFile

from forum.models import Post, PostFile, Status, Topic

from .matrix import PUPIL, PUPIL_OTHER_CLASS, TEACHER


@dataclass(frozen=True)
class ForumWorld:
    topic_id: int
    topic_title: str
    partner_post_id: int
    file_id: int
    file_name: str
    file_bytes: bytes
    left_words: str  # the A2 pupil's reply, from before A2 left
    pending_post_id: int
    pending_words: str


def build_forum_world(users, space_id, classroom, other_classroom, partner_classroom):
    topic = Topic.objects.create(
        space_id=space_id,
        title="Le Petit Prince",
        book_author="Antoine de Saint-Exupéry",
        classroom=classroom,
        created_by=users[TEACHER],
        author_name="Anne T.",
    )
    partner_post = Post.objects.create(
        topic=topic,
        author_name="Inès D.",
        classroom=partner_classroom,
        text="J'ai dessiné la rose sous son globe.",
        status=Status.PUBLISHED,
    )
    photo = b"\xff\xd8\xff\xe0 rose sous globe \xff\xd9"
    stored = PostFile.objects.create(
        post=partner_post,
        kind=PostFile.Kind.PHOTO,
        name="rose.jpg",
        content_type="image/jpeg",
        size=len(photo),
        file=ContentFile(photo, name="rose.jpg"),
    )
    left_words = "Le renard veut être apprivoisé."
    Post.objects.create(
        topic=topic,
        author=users[PUPIL_OTHER_CLASS],
        author_name=users[PUPIL_OTHER_CLASS].display_name,
        classroom=other_classroom,
        text=left_words,
        status=Status.PUBLISHED,
    )
    pending_words = "Le baobab me fait un peu peur."
    pending = Post.objects.create(
        topic=topic,
        author=users[PUPIL],
        author_name=users[PUPIL].display_name,
        classroom=classroom,
        text=pending_words,
        status=Status.PENDING,
    )
    return ForumWorld(
        topic_id=topic.pk,
        topic_title=topic.title,
        partner_post_id=partner_post.pk,
        file_id=stored.pk,
        file_name=stored.name,
        file_bytes=photo,
        left_words=left_words,
        pending_post_id=pending.pk,
        pending_words=pending_words,
    )
