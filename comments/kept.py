"""The comments on an entry, kept between requests until one of them changes.

Every reader of an entry reads the same rows: its comments in every state, with their
authors and the rewriting they led to. They are kept under the entry's own generation
scope (performance/generations.py), replaced when a comment on it is saved or deleted,
and under the people's scope for the authors' names; each reader then sees only what
is theirs to see (comments/templatetags/class_comments.py).
"""

from classrooms.person import PEOPLE
from performance import generations


def scope_of(comment) -> str | None:
    """The scope of the comments on the object a comment is about."""
    return f"comments:{comment.object_pk}" if comment is not None else None


def comment_models():
    from .models import ClassComment

    return (ClassComment,)


def comments_on(entry) -> list:
    """Every comment on `entry`, whatever its state, in reading order."""
    from .models import ClassComment

    def load():
        return list(ClassComment.objects.on(entry).select_related("user", "led_to_revision"))

    scope = f"comments:{entry.pk}"
    return generations.read_through(scope, (scope, PEOPLE), load)


def watch() -> None:
    """Called from CommentsConfig.ready()."""
    generations.watch(scope_of, comment_models)
