"""A comment on a blog entry, and the notice telling its teacher one waits, unsaved."""

from django.urls import reverse

from comments.models import ClassComment
from notifications.models import Notification


def entry_comment(entry_type, entry, site, author, text, *, liked, suggestion, wondering, **fields):
    """A comment by `author` on `entry`: its plain text and its three answers.

    `fields` sets the rest (`is_public`, `submit_date`, a moderation...); a `submit_date`
    left out is the time of saving, as for a comment posted now.
    """
    return ClassComment(
        content_type=entry_type,
        object_pk=str(entry.pk),
        site=site,
        user=author,
        user_name=author.display_name[:50],
        user_email=author.email,
        comment=text,
        liked=liked,
        suggestion=suggestion,
        wondering=wondering,
        **fields,
    )


def comment_waiting_notice(teacher, author, entry, classroom, created_at=None):
    """What the teacher is told inside Préau when a comment waits for them (no e-mail)."""
    fields = {} if created_at is None else {"created_at": created_at}
    return Notification(
        recipient=teacher,
        kind="comment_pending",
        params={"author": author.display_name, "entry": entry.title},
        url=reverse("comments:queue", kwargs={"classroom_id": classroom.pk}),
        **fields,
    )
