"""Defence in depth: django-comments-xtd's own views may never publish a class comment.

Préau posts and moderates comments through comments/views.py, which knows class
privacy. The library's views (post, reply, API) are not mounted; should one ever be,
this moderator refuses every comment they would post on a blog entry.
"""

import contextlib

from django_comments.moderation import AlreadyModerated, CommentModerator, moderator


class OnlyThroughPreau(CommentModerator):
    email_notification = False
    enable_field = None

    def allow(self, comment, content_object, request):
        return False


def register():
    from classrooms.models import BlogEntryPage

    with contextlib.suppress(AlreadyModerated):
        moderator.register(BlogEntryPage, OnlyThroughPreau)
