"""A reading club's topic or reply from the address, or 404: after the space's standing
(sharedspaces.access), the contribution must belong to that space and be visible to the
person (forum/rules.py)."""

from django.http import Http404

from sharedspaces.access import number, standing_or_404

from . import rules
from .models import Post, Topic

ACTIVITY = "reading_club"


def club_or_404(user, space_id):
    return standing_or_404(user, space_id, ACTIVITY)


def topic_or_404(standing, user, topic_id) -> Topic:
    topic = (
        Topic.objects.select_related("classroom", "created_by")
        .filter(pk=number(topic_id), space=standing.space)
        .first()
    )
    if topic is None or not rules.sees_topic(standing, user, topic):
        raise Http404
    return topic


def post_or_404(standing, user, post_id) -> Post:
    post = (
        Post.objects.select_related("topic", "author", "classroom")
        .filter(pk=number(post_id), topic__space=standing.space)
        .first()
    )
    if post is None or not rules.sees_post(standing, user, post):
        raise Http404
    if not rules.sees_topic(standing, user, post.topic):
        raise Http404
    return post
