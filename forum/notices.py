"""What the reading club tells people (notifications/, group "reading_club"): a pupil's
topic or reply waits for their teacher; a pupil's reply is published or sent back."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from notifications.kinds import Kind
from notifications.services import notify
from sharedspaces import notices as space_notices
from sharedspaces.notices import teachers_of

WAITING = "forum_waiting"
PUBLISHED = "forum_published"
SENT_BACK = "forum_sent_back"
# One group for every shared space's news: a person chooses once how they hear of them.
GROUP = space_notices.GROUP


def notification_kinds():
    """Registered from ForumConfig.ready(). Only pupils' contributions are reviewed, so
    the author is always a child: addressed with "tu" in French."""
    return [
        Kind(
            WAITING,
            gettext_lazy("%(author)s wrote in “%(topic)s” (%(space)s): it waits for your review."),
            group=GROUP,
        ),
        Kind(
            PUBLISHED,
            gettext_lazy("What you wrote in “%(topic)s” can now be read by the club."),
            group=GROUP,
        ),
        Kind(
            SENT_BACK,
            gettext_lazy("Your teacher sent back what you wrote in “%(topic)s”: read their note."),
            group=GROUP,
        ),
    ]


def review_url(space) -> str:
    return reverse("forum:review", kwargs={"space_id": space.pk})


def topic_url(topic) -> str:
    return reverse("forum:topic", kwargs={"space_id": topic.space_id, "topic_id": topic.pk})


def tell_reviewers(space, topic, contribution):
    notify(
        teachers_of([contribution.classroom_id]) if contribution.classroom_id else [],
        WAITING,
        url=review_url(space),
        author=contribution.author_name,
        topic=topic.title,
        space=space.title,
    )


def tell_author(user, topic, kind):
    notify([user], kind, url=topic_url(topic), topic=topic.title)
