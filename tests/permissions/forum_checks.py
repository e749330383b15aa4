"""The reading club's cells of the permission matrix (matrix.py FORUM_RULES), each checked
through a real HTTP request against forum_world.py's topic.

Allowed: 200 showing what was asked for, or 302 with the change made. Refused: anonymous
visitors are sent to log in, everyone else gets 404 naming nothing, and nothing changes.
"""

from django.urls import reverse

from forum.models import Post, Status, Topic

from .messaging_checks import assert_refused, content_of, shows
from .sharedspaces_checks import check_change, check_view


def exercise_forum_cell(client, world, cell):
    club = world.forum
    space = {"space_id": world.sharedspaces.space_id}
    topic_url = reverse("forum:topic", kwargs={**space, "topic_id": club.topic_id})
    match (cell.obj, cell.action):
        case ("club_topic", "club_read"):
            check_view(client, cell, topic_url, club.topic_title)
            if cell.allowed:
                # A2 left the space: what its pupil wrote stays, signed.
                assert shows(client.get(topic_url), club.left_words)
        case ("club_topic", "club_file"):
            url = reverse(
                "forum:file", kwargs={**space, "file_id": club.file_id, "name": club.file_name}
            )
            response = client.get(url)
            if cell.allowed:
                assert response.status_code == 200, response.status_code
                assert content_of(response) == club.file_bytes
            else:
                assert_refused(cell, response, url, club.file_bytes)
        case ("club_topic", "club_reply"):
            words = "Mon passage préféré, c'est le renard."
            made = Post.objects.filter(topic_id=club.topic_id, text=words)
            check_change(
                client,
                cell,
                reverse("forum:reply", kwargs={**space, "topic_id": club.topic_id}),
                made.exists,
                lambda: made.delete(),
                {"text": words},
            )
        case ("club_topic", "club_pin"):
            pinned = Topic.objects.filter(pk=club.topic_id, pinned=True)
            check_change(
                client,
                cell,
                reverse(
                    "forum:topic_action",
                    kwargs={**space, "topic_id": club.topic_id, "action": "pin"},
                ),
                pinned.exists,
                lambda: Topic.objects.filter(pk=club.topic_id).update(pinned=False),
            )
        case ("club_pending_post", "club_read"):
            response = client.get(topic_url)
            if cell.allowed:
                assert response.status_code == 200 and shows(response, club.pending_words)
            elif response.status_code == 200:  # a reader of the club, not of this reply
                assert not shows(response, club.pending_words)
            else:
                assert_refused(cell, response, topic_url, club.pending_words)
        case ("club_pending_post", "club_approve"):
            post = Post.objects.filter(pk=club.pending_post_id)
            check_change(
                client,
                cell,
                reverse(
                    "forum:review_post",
                    kwargs={**space, "post_id": club.pending_post_id, "action": "approve"},
                ),
                lambda: post.filter(status=Status.PUBLISHED).exists(),
                lambda: post.update(status=Status.PENDING),
            )
        case ("club_partner_post", "club_hide"):
            post = Post.objects.filter(pk=club.partner_post_id)
            check_change(
                client,
                cell,
                reverse(
                    "forum:review_post",
                    kwargs={**space, "post_id": club.partner_post_id, "action": "hide"},
                ),
                lambda: post.filter(status=Status.HIDDEN).exists(),
                lambda: post.update(status=Status.PUBLISHED),
            )
        case _:
            raise AssertionError(f"no request for the reading club cell {cell.obj, cell.action}")
