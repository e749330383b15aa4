"""The class wall and a blog entry cost the same number of queries at any size.

Measured for a parent (who sees which entries their child wrote) and a teacher (who sees
what waits for them), on a class with few entries, then with many more entries, authors,
photos, recordings, topics and comments. Each page is loaded once to warm the caches
(renditions, site root), then counted.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtailmedia.models import Media

from classrooms import moderation
from classrooms.models import BlogEntryPage
from comments.models import ClassComment
from tests import factories

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    # Warm: renditions, site root paths, translations, then what requests keep once the
    # first visit made the person's admin profile (performance/versions.py).
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


class ClassGrowth:
    def __init__(self, world):
        self.world = world
        self.number = 0
        self.entries = []

    def add_entries(self, count, *, authors=2, comments=3):
        world = self.world
        for _ in range(count):
            self.number += 1
            pupils = []
            for index in range(authors):
                pupil = factories.UserFactory(username=f"p{self.number}-{index}")
                factories.MembershipFactory(user=pupil, classroom=world.classroom)
                pupils.append(pupil)
            photo = factories.ImageFactory(collection=world.classroom.collection)
            media = Media.objects.create(
                title=f"Son {self.number}",
                type="audio",
                file=f"media/son-{self.number}.webm",
                collection=world.classroom.collection,
            )
            entry = factories.BlogEntryPageFactory(
                parent=world.classroom,
                title=f"Article {self.number}",
                body=[
                    ("text", "<p>Texte</p>"),
                    ("image", {"image": photo, "alt_text": "Photo", "caption": ""}),
                    ("recording", {"audio": media, "caption": "", "transcript": ""}),
                ],
            )
            entry.authors.set([world.pupil, *pupils])
            entry.tags.set([f"sujet {self.number % 3}"])
            entry.save_revision().publish()
            for index in range(comments):
                ClassComment.objects.create(
                    content_type=ContentType.objects.get_for_model(BlogEntryPage),
                    object_pk=str(entry.pk),
                    site_id=1,
                    user=pupils[0],
                    comment=f"Bravo {index}",
                    liked="Les photos",
                    is_public=True,
                )
            self.entries.append(entry)
        # One entry waits for the teacher, one was sent back.
        for index, back in ((1, False), (2, True)):
            draft = factories.BlogEntryPageFactory(
                parent=world.classroom, title=f"Brouillon {self.number}-{index}", live=False
            )
            draft.authors.set([world.pupil])
            draft.save()
            draft.save_revision(user=world.pupil)
            moderation.submit(draft, world.pupil)
            if back:
                moderation.send_back(draft, world.teacher, "À revoir")


@pytest.fixture
def growth(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return ClassGrowth(world)


@pytest.mark.parametrize("who", ["parent", "teacher", "pupil"])
def test_the_class_wall_does_not_grow(client, world, growth, who):
    client.force_login(getattr(world, who))
    growth.add_entries(2)
    small = count_queries(client, world.classroom.url)
    growth.add_entries(6, authors=4, comments=6)
    large = count_queries(client, world.classroom.url)
    assert large == small, f"{who}: {small} queries, then {large}"


@pytest.mark.parametrize("who", ["parent", "teacher"])
def test_a_blog_entry_does_not_grow_with_authors_and_comments(client, world, growth, who):
    client.force_login(getattr(world, who))
    growth.add_entries(1, authors=1, comments=1)
    small = count_queries(client, growth.entries[0].url)
    growth.add_entries(1, authors=8, comments=40)
    large = count_queries(client, growth.entries[-1].url)
    assert large == small, f"{who}: {small} queries, then {large}"
