"""Stories in turn's cells of the permission matrix (matrix.py STORIES_RULES), each checked
through a real HTTP request against stories_world.py's story.

Allowed: 200 naming the chapter, or 302 with the change made. Refused: anonymous visitors
are sent to log in, everyone else gets 404 naming nothing, and nothing is changed.
"""

from django.urls import reverse

from stories.models import Chapter

from .sharedspaces_checks import check_change, check_view
from .stories_world import DRAFT_BODY


def _draft(world):
    return Chapter.objects.get(pk=world.stories.draft_id)


def _reset(world):
    Chapter.objects.filter(pk=world.stories.draft_id).update(
        status="draft", body=DRAFT_BODY, version=1, number=4, published_at=None, review_note=""
    )


def exercise_stories_cell(client, world, cell):
    stories = world.stories
    space = {"space_id": stories.space_id}
    chapter = {**space, "chapter_id": stories.draft_id}
    match (cell.obj, cell.action):
        case ("story", "story_read"):
            url = reverse("stories:home", kwargs=space)
            check_view(client, cell, url, stories.partner_chapter_title)
        case ("story_chapter_in_turn", "chapter_edit"):
            check_change(
                client,
                cell,
                reverse("stories:write", kwargs=space),
                lambda: _draft(world).body == "Changé",
                lambda: _reset(world),
                {"title": "", "body": "Changé", "version": 1},
            )
        case ("story_chapter_in_turn", "chapter_publish"):
            check_change(
                client,
                cell,
                reverse("stories:publish", kwargs=chapter),
                lambda: _draft(world).status == "published",
                lambda: _reset(world),
                {"version": _draft(world).version},
            )
        case ("story_chapter_in_turn", "chapter_return"):
            check_change(
                client,
                cell,
                reverse("stories:send_back", kwargs=chapter),
                lambda: _draft(world).status == "returned",
                lambda: _reset(world),
                {"note": "Encore un effort.", "version": _draft(world).version},
            )
        case _:
            raise AssertionError(f"no request for the stories cell {cell.obj, cell.action}")
