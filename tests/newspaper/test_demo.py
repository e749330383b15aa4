"""The demo's newspaper (home/demo/newspaper.py), loaded on a stand-in for the loader."""

import pytest
from django.utils import timezone

from classrooms.models import Membership
from home.demo.newspaper import CM1, CP, DemoNewspaper
from newspaper.models import Article, Issue
from sharedspaces.models import SharedSpace
from tests import factories
from tests.newspaper.helpers import url
from tests.sharedspaces.conftest import make_space

pytestmark = pytest.mark.django_db


class StandIn(DemoNewspaper):
    """What DemoSharedSpaces gives the mixin, on the shared-space test world."""

    def __init__(self, world):
        self.world = world
        self.now = timezone.now()
        self.classrooms = {CP: world.third, CM1: world.host}
        self.people = {}

    def teacher_of(self, class_key):
        return self.world.third_teacher if class_key == CP else self.world.host_teacher

    def pupil(self, class_key, first_name):
        key = (class_key, first_name)
        if key not in self.people:
            user = factories.UserFactory(first_name=first_name, last_name="Demo")
            Membership.objects.create(
                user=user, classroom=self.classrooms[class_key], role=Membership.Role.PUPIL
            )
            self.people[key] = user
        return self.people[key]

    def shared_space(self, title, activity, class_keys, *, description="", parents_read=True):
        space = SharedSpace.objects.filter(title=title).first()
        if space is not None:
            return space, False
        space = make_space(self.world, activity, parents_read=parents_read)
        space.title = title
        space.save()
        return space, True


def test_demo_newspaper_is_loaded_once_and_read_by_families(client, space_world):
    loader = StandIn(space_world)
    space = loader.load_newspaper()
    loader.load_newspaper()
    assert SharedSpace.objects.filter(title="Le Petit Journal des Pins").count() == 1
    issue = Issue.objects.get(space=space)
    assert issue.number == 1 and issue.published_at and issue.audience == "families"
    assert issue.placements.count() == 4
    statuses = sorted(Article.objects.filter(space=space).values_list("status", flat=True))
    assert statuses.count("submitted") == 1 and statuses.count("draft") == 1
    client.force_login(space_world.host_parent)
    page = client.get(url("issue", space, issue_id=issue.pk)).content.decode()
    assert "Le potager de l&#x27;école a poussé" in page and "Nos lectures" in page
    assert "Jules, Lucas, Zoé · CM1 de M. Benali" in page
