"""The comments on an entry, shared by its readers until one of them changes.

Every reader of an entry reads the same rows: its comments in every state, with their
authors and the rewriting they led to. They are shared under a version of the entry's
comments (performance/versions.py), replaced when a comment on it is saved or deleted;
each reader then sees only what is theirs to see (comments/templatetags/class_comments.py).
A comment also replaces the version of its class's comments, under which the teachers'
queue of waiting comments is shared. Neither is the entry's or the class's own version:
a comment leaves the entry's body, the wall's cards and the class's facts in place.
"""

from performance import versions


def entry_scope(entry_pk) -> str:
    return f"comments:{entry_pk}"


def class_scope(classroom_path: str) -> str:
    return f"class-comments:{classroom_path}"


def scope_of(comment, **kwargs) -> tuple:
    """The scopes of a comment: its entry's comments and its class's."""
    from wagtail.models import Page

    from classrooms.models import BlogEntryPage

    if comment is None:
        return ()

    paths = BlogEntryPage.objects.filter(pk=comment.object_pk).values_list("path", flat=True)
    entry_path = next(iter(paths), "")
    scopes = [entry_scope(comment.object_pk)]
    if entry_path:
        scopes.append(class_scope(entry_path[: -Page.steplen]))
    return tuple(scopes)


def comment_models():
    from .models import ClassComment

    return (ClassComment,)


def comments_on(entry) -> list:
    """Every comment on `entry`, whatever its state, in reading order."""
    from .models import ClassComment

    def load():
        return list(ClassComment.objects.on(entry).select_related("user", "led_to_revision"))

    scope = entry_scope(entry.pk)
    return versions.cached(scope, (scope,), load)


def watch() -> None:
    """Called from CommentsConfig.ready()."""
    versions.watch(scope_of, comment_models)
