"""The comments on an entry, and those waiting in a class, kept until one of them changes.

Every reader of an entry reads the same rows: its comments in every state, with their
authors and the rewriting they led to. They are kept under the entry's own generation
scope (performance/generations.py), replaced when a comment on it is saved or deleted,
and under the people's scope for the authors' names; each reader then sees only what
is theirs to see (comments/templatetags/class_comments.py). A comment also belongs to
its class's scope, which the teachers' queue of waiting comments is kept under.
"""

from classrooms.person import PEOPLE
from pages.routing import TREE
from performance import generations


def entry_scope(entry_pk) -> str:
    return f"comments:{entry_pk}"


def class_scope(classroom_path: str) -> str:
    return f"class-comments:{classroom_path}"


def scope_of(comment) -> tuple:
    """The scopes of a comment: its entry's comments and its class's."""
    from wagtail.models import Page

    from classrooms.models import BlogEntryPage

    if comment is None:
        return ()

    def load():
        paths = BlogEntryPage.objects.filter(pk=comment.object_pk).values_list("path", flat=True)
        return next(iter(paths), "")

    # Where the entry sits, kept with the tree: each comment posted would ask again.
    entry_path = generations.read_through(f"entry-path:{comment.object_pk}", (TREE,), load)
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
    return generations.read_through(scope, (scope, PEOPLE), load)


def watch() -> None:
    """Called from CommentsConfig.ready()."""
    generations.watch(scope_of, comment_models)
