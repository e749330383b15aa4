"""The comments of a class waiting for its teachers, in a fixed number of queries."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast

from classrooms.models import BlogEntryPage

from .models import ClassComment


def pending_comments(classroom, limit=None):
    """Waiting comments (new or reported) on the class's entries, with their entry."""
    entries = BlogEntryPage.objects.child_of(classroom)
    entry_ids = entries.annotate(id_text=Cast("pk", output_field=CharField())).values("id_text")
    comments = (
        ClassComment.objects.filter(
            content_type=ContentType.objects.get_for_model(BlogEntryPage),
            object_pk__in=entry_ids,
            is_public=False,
            is_removed=False,
        )
        .select_related("user")
        .order_by("submit_date")
    )
    comments = list(comments[:limit] if limit else comments)
    titles = {
        str(entry.pk): entry
        for entry in entries.filter(pk__in=[int(c.object_pk) for c in comments]).only(
            "title", "url_path", "path", "depth"
        )
    }
    for comment in comments:
        comment.entry = titles.get(comment.object_pk)
    return comments
