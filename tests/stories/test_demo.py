"""The demo's story in turn (home/demo/stories.py): its space, opening, two published
chapters signed by their classes, the CM1's turn again with a draft; loaded once."""

import pytest
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from home.demo.loader import DemoLoader
from home.demo.stories import TITLE
from sharedspaces.models import SharedSpace
from stories.models import Chapter

pytestmark = pytest.mark.django_db


def test_the_demo_story_is_the_cm1s_turn_again(client):
    loader = DemoLoader(make_password("demo"))
    loader.load()
    loader.load_stories()
    loader.load_stories()
    space = SharedSpace.objects.get(title=TITLE)
    chapters = list(Chapter.objects.filter(story__space=space).order_by("number"))
    assert [(c.number, c.classroom.title, c.status) for c in chapters] == [
        (1, "CM1 de M. Benali", "published"),
        (2, "CM2 de M. Garnier", "published"),
        (3, "CM1 de M. Benali", "draft"),
    ]
    for chapter in chapters[:2]:
        assert 150 <= len(chapter.body.split()) <= 260
    client.force_login(loader.pupil("jaures-cm1", "Lucas"))
    home = client.get(reverse("stories:home", kwargs={"space_id": space.pk}))
    assert "Write our chapter" in home.content.decode()
    assert "Le gardien aux mille crabes" in home.content.decode()
    client.force_login(loader.pupil("bourg-cm2", "Yanis"))
    home = client.get(reverse("stories:home", kwargs={"space_id": space.pk})).content.decode()
    assert "It is the turn of CM1 de M. Benali" in home and "sablier" not in home
