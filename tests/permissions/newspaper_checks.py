"""The class newspaper's cells of the permission matrix (matrix.py NEWSPAPER_RULES), each
checked through a real HTTP request against newspaper_world.py's space.

Allowed: 200 naming the object (the file's bytes), or 302 with the change made. Refused:
anonymous visitors are sent to log in, everyone else gets 404 naming nothing, and
nothing is changed.
"""

from django.urls import reverse

from newspaper.models import Article

from .messaging_checks import assert_refused, content_of, shows
from .sharedspaces_checks import check_change, check_view


def exercise_newspaper_cell(client, world, cell):
    paper = world.newspaper
    space = {"space_id": paper.space_id}
    match (cell.obj, cell.action):
        case ("newspaper_issue", "issue_read"):
            url = reverse("newspaper:issue", kwargs={**space, "issue_id": paper.issue_id})
            response = client.get(url)
            if cell.allowed:
                assert response.status_code == 200, response.status_code
                assert shows(response, paper.issue_title)
                # The article of the class that left stays, signed with a first name.
                assert shows(response, "Tom · CM1 de M. Petit")
                return
            assert_refused(cell, response, url, paper.issue_title)
        case ("newspaper_issue", "issue_file"):
            url = reverse(
                "newspaper:media",
                kwargs={**space, "media_id": paper.media_id, "name": paper.media_name},
            )
            response = client.get(url)
            if cell.allowed:
                assert response.status_code == 200, response.status_code
                assert content_of(response) == paper.media_bytes
                return
            assert_refused(cell, response, url, paper.media_bytes)
        case ("newspaper_article_pending", "article_read"):
            url = reverse("newspaper:article", kwargs={**space, "article_id": paper.pending_id})
            check_view(client, cell, url, paper.pending_title)
        case ("newspaper_article_left", "article_read"):
            url = reverse(
                "newspaper:article", kwargs={**space, "article_id": paper.left_article_id}
            )
            check_view(client, cell, url, paper.left_article_title)
        case ("newspaper_article_pending", "article_approve"):
            pk = paper.pending_id
            check_change(
                client,
                cell,
                reverse("newspaper:approve", kwargs={**space, "article_id": pk}),
                lambda: Article.objects.get(pk=pk).status == Article.Status.APPROVED,
                lambda: Article.objects.filter(pk=pk).update(status=Article.Status.SUBMITTED),
            )
        case _:
            raise AssertionError(f"no request for the newspaper cell {cell.obj, cell.action}")
