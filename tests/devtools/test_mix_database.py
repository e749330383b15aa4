"""The school-day mix against a tiny synthetic portal: the right people, pages, sessions."""

import random

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page

from classrooms.models import ClassroomPage, Guardianship, Membership
from devtools.bench import bulk_logins, mix
from tests.devtools.test_seed_scale import seed_scale

pytestmark = pytest.mark.django_db


def test_families_read_their_own_child_class_and_an_entry_of_it():
    seed_scale(schools=1)
    classes = ClassroomPage.objects.count()
    chosen = mix.choose_families(classes + 3, random.Random(5))
    parents = [parent for parent, _, _ in chosen]
    assert len(parents) == len(set(parents)) == classes + 3
    walls = {page.url: page for page in ClassroomPage.objects.all()}
    assert set(walls) == {wall for _, wall, _ in chosen}, "every class is read"
    for parent, wall, entry in chosen:
        classroom = walls[wall]
        assert Guardianship.objects.filter(
            parent_id=parent,
            child__memberships__classroom=classroom,
            child__memberships__role=Membership.Role.PUPIL,
        ).exists()
        assert Page.objects.get(url_path__endswith=entry.split("/")[-2] + "/").is_child_of(
            classroom
        )


def test_sessions_opened_in_bulk_log_each_person_in(settings):
    seed_scale(schools=1)
    parents = list(
        get_user_model()
        .objects.filter(username__contains=".g")
        .order_by("pk")
        .values_list("pk", flat=True)[:3]
    )
    cookies = bulk_logins.open_sessions(parents, "x" * 32, batch_size=2)
    assert set(cookies) == set(parents)
    for parent, header in cookies.items():
        key = header.split(";")[0].split("=")[1]
        client = Client()
        client.cookies[settings.SESSION_COOKIE_NAME] = key
        answer = client.get("/")
        assert answer.wsgi_request.user.pk == parent
