"""Posting and moderating comments, and telling the people concerned.

Every change here is checked by the views first (rules.py); this module only does it
and writes the notifications: teachers hear of comments waiting for them, authors of
their comment approved or refused, pupils of new comments on what they wrote.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from classrooms.models import BlogEntryPage, Membership
from notifications.services import notify
from performance import versions

from .models import ClassComment

PROMPT_FIELDS = ("liked", "suggestion", "wondering")


def comment_text(liked, suggestion, wondering) -> str:
    """The library's plain `comment` field: the three answers, one per line."""
    labels = {field: ClassComment._meta.get_field(field).verbose_name for field in PROMPT_FIELDS}
    answers = {"liked": liked, "suggestion": suggestion, "wondering": wondering}
    return "\n".join(
        f"{labels[field]} {answers[field].strip()}"
        for field in PROMPT_FIELDS
        if answers[field].strip()
    )


def entry_url(entry, comment=None):
    anchor = f"#comment-{comment.pk}" if comment else "#comments"
    return entry.url + anchor


def class_teachers(classroom_path):
    """The teachers of the class space at this tree path, shared under the class's version
    (every comment on the class and every partnership tells them)."""

    def load():
        return [
            membership.user
            for membership in Membership.objects.filter(
                classroom__path=classroom_path, role=Membership.Role.TEACHER
            ).select_related("user")
        ]

    scopes = (versions.class_scope(classroom_path),)
    return versions.cached(f"class-teachers:{classroom_path}", scopes, load)


def class_path_of(entry) -> str:
    """The tree path of the class space an entry lives in (its parent)."""
    return entry.path[: -entry.steplen]


def pupil_authors(entry):
    return list(entry.authors.filter(is_active=True))


@transaction.atomic
def post(entry, user, *, liked="", suggestion="", wondering="", parent=None, at_once=False):
    comment = ClassComment(
        content_type=ContentType.objects.get_for_model(BlogEntryPage),
        object_pk=str(entry.pk),
        site_id=settings.SITE_ID,
        user=user,
        user_name=user.display_name[:50],
        user_email=user.email,
        comment=comment_text(liked, suggestion, wondering),
        liked=liked.strip(),
        suggestion=suggestion.strip(),
        wondering=wondering.strip(),
        is_public=at_once,
        parent_id=parent.pk if parent else 0,
    )
    comment.save()
    if at_once:
        _tell_authors_of_entry(entry, comment)
    else:
        notify(
            class_teachers(class_path_of(entry)),
            "comment_pending",
            url=queue_url(entry),
            author=user.display_name,
            entry=entry.title,
        )
    return comment


def queue_url(entry):
    """The class's queue of comments waiting for its teachers."""
    return reverse("comments:queue", kwargs={"classroom_id": entry.get_classroom().pk})


def _tell_authors_of_entry(entry, comment):
    readers = [pupil for pupil in pupil_authors(entry) if pupil.pk != comment.user_id]
    notify(
        readers,
        "comment_on_your_entry",
        url=entry_url(entry, comment),
        author=comment.user.display_name if comment.user else comment.user_name,
        entry=entry.title,
    )


def _moderated(comment, moderator):
    comment.moderated_by = moderator
    comment.moderated_at = timezone.now()


def _kind_for(commenter, kind):
    """The pupil's sentence ("tu") for a pupil, the adults' ("vous") for a parent."""
    is_pupil = Membership.objects.filter(user=commenter, role=Membership.Role.PUPIL).exists()
    return f"{kind}_pupil" if is_pupil else kind


@transaction.atomic
def approve(comment, entry, moderator):
    comment.is_public, comment.is_removed = True, False
    comment.flagged_by, comment.flagged_at = None, None
    _moderated(comment, moderator)
    comment.save()
    if comment.user_id and comment.user_id != moderator.pk:
        notify(
            [comment.user],
            _kind_for(comment.user, "comment_approved"),
            url=entry_url(entry, comment),
            entry=entry.title,
        )
    _tell_authors_of_entry(entry, comment)


@transaction.atomic
def reject(comment, entry, moderator, reason=""):
    comment.is_public, comment.is_removed = False, True
    comment.rejection_reason = reason.strip()
    _moderated(comment, moderator)
    comment.save()
    if comment.user_id and comment.user_id != moderator.pk:
        notify(
            [comment.user],
            _kind_for(comment.user, "comment_rejected"),
            url=entry_url(entry, comment),
            entry=entry.title,
            reason=comment.rejection_reason or "—",
        )


@transaction.atomic
def correct(comment, moderator, *, liked, suggestion, wondering):
    """A typo fixed by the teacher: the words change, nothing else."""
    comment.liked, comment.suggestion, comment.wondering = (
        liked.strip(),
        suggestion.strip(),
        wondering.strip(),
    )
    comment.comment = comment_text(liked, suggestion, wondering)
    _moderated(comment, moderator)
    comment.save()


@transaction.atomic
def flag(comment, entry, reader):
    """A reader reports a published comment: hidden until a teacher looks at it again."""
    comment.is_public = False
    comment.flagged_by, comment.flagged_at = reader, timezone.now()
    comment.save()
    notify(
        class_teachers(class_path_of(entry)),
        "comment_reported",
        url=queue_url(entry),
        entry=entry.title,
    )


def link_revision(comment, revision, moderator):
    comment.led_to_revision = revision
    _moderated(comment, moderator)
    comment.save(update_fields=["led_to_revision", "moderated_by", "moderated_at"])
