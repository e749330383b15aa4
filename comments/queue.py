"""The comments of a class waiting for its teachers, in a fixed number of queries."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from wagtail.models import Page

from classrooms.models import BlogEntryPage, Membership
from performance import versions

from .models import ClassComment
from .shared_comments import class_scope


def pending_comments(classroom, limit=None):
    """Waiting comments (new or reported) on the class's entries, with their entry and,
    for authors from outside the class (a partner class's pupil), where they come from.

    Three queries whatever the number of comments: each comment's entry (its title and
    address) is read with it, then the outside authors' classes and their schools; shared by
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
    origins = outside_origins(classroom, {comment.user_id for comment in comments})
    for comment in comments:
        comment.author_origin = origins.get(comment.user_id, "")
    return comments


def outside_origins(classroom, user_ids):
    """ "CE1 du Bourg, École du Bourg" for each author who is not a member of the class:
    a teacher reading "Emma R." cannot tell a partner pupil from their own otherwise.

    Two queries whatever the number of authors: their memberships with their classes,
    then the schools above those classes.
    """
    user_ids = {user_id for user_id in user_ids if user_id is not None}
    if not user_ids:
        return {}
    rows = list(
        Membership.objects.filter(user_id__in=user_ids)
        .order_by("user_id", "pk")
        .values_list("user_id", "classroom_id", "classroom__title", "classroom__path")
    )
    inside = {user_id for user_id, class_id, _title, _path in rows if class_id == classroom.pk}
    outside = [row for row in rows if row[0] not in inside]
    school_paths = {path[: -Page.steplen] for _user, _class, _title, path in outside}
    schools = dict(Page.objects.filter(path__in=school_paths).values_list("path", "title"))
    origins = {}
    for user_id, _class_id, title, path in outside:
        if user_id in origins:
            continue  # one class is enough: the first they joined
        school = schools.get(path[: -Page.steplen])
        origins[user_id] = f"{title}, {school}" if school else title
    return origins
