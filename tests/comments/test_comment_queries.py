"""An entry with 200 comments costs the same number of queries as one with two."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from classrooms.models import BlogEntryPage
from comments import services
from tests import factories

pytestmark = pytest.mark.django_db


def count(client, url):
    # Warm up twice: the first visit makes the admin profile, the second keeps what
    # requests keep (performance/versions.py).
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_comments(entry, people, total):
    """Published comments with replies, and a few waiting ones, by several people."""
    first = None
    for index in range(total):
        author = people[index % len(people)]
        if index % 4 == 3 and first is not None:
            services.post(entry, author, liked=f"réponse {index}", parent=first, at_once=True)
        else:
            comment = services.post(
                entry,
                author,
                liked=f"j'ai aimé {index}",
                wondering="pourquoi ?",
                at_once=index % 5 != 0,
            )
            if comment.is_public:
                first = comment


@pytest.mark.parametrize("who", ["parent", "teacher", "pupil"])
def test_an_entry_with_200_comments_renders_in_constant_queries(client, world, who):
    people = [world.teacher, world.pupil, world.parent]
    for number in range(5):
        pupil = factories.UserFactory(username=f"commenter{number}")
        factories.MembershipFactory(user=pupil, classroom=world.classroom)
        people.append(pupil)
    small = factories.BlogEntryPageFactory(parent=world.classroom, title="Petit")
    large = factories.BlogEntryPageFactory(parent=world.classroom, title="Grand")
    for page in (small, large):
        page.authors.set([world.pupil])
        page.save_revision().publish()
    small, large = (BlogEntryPage.objects.get(pk=page.pk) for page in (small, large))
    add_comments(small, people, 2)
    add_comments(large, people, 200)
    client.force_login(getattr(world, who))
    queries_small = count(client, small.url)
    queries_large = count(client, large.url)
    assert queries_large == queries_small, f"{who}: {queries_small} then {queries_large}"
