"""The comments of a class waiting for its teachers, in a fixed number of queries."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from wagtail.models import Page

from classrooms.models import BlogEntryPage
from performance import versions

from .models import ClassComment
from .shared_comments import class_scope


def pending_comments(classroom, limit=None):
    """Waiting comments (new or reported) on the class's entries, with their entry.

    One query: each comment's entry (its title and address) is read with it; shared by
    the class's teachers until a comment or an entry of the class changes
    (comments/shared_comments.py).
    """
    scopes = (class_scope(classroom.path),)
    return versions.cached(
        f"pending:{classroom.pk}:{limit}", scopes, lambda: _read_pending(classroom, limit)
    )


def _read_pending(classroom, limit):
    entries = BlogEntryPage.objects.child_of(classroom).annotate(
        id_text=Cast("pk", output_field=CharField())
    )
    entry_ids = entries.values("id_text")
    entry = entries.filter(id_text=OuterRef("object_pk"))
    comments = (
        ClassComment.objects.filter(
            content_type=ContentType.objects.get_for_model(BlogEntryPage),
            object_pk__in=entry_ids,
            is_public=False,
            is_removed=False,
        )
        .annotate(
            entry_title=Subquery(entry.values("title")[:1]),
            entry_url_path=Subquery(entry.values("url_path")[:1]),
            entry_path=Subquery(entry.values("path")[:1]),
        )
        .select_related("user")
        .order_by("submit_date")
    )
    comments = list(comments[:limit] if limit else comments)
    for comment in comments:
        # Just what the queue shows of the entry: its title and address.
        comment.entry = Page(
            id=int(comment.object_pk),
            title=comment.entry_title,
            url_path=comment.entry_url_path,
            path=comment.entry_path,
            depth=len(comment.entry_path) // Page.steplen,
        )
    return comments
