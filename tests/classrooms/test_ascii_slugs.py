"""Pages made from the front end get plain ASCII addresses, like the demo's.

A title with accents used to give `/r%C3%A9union-de-rentr%C3%A9e-merci/`: Wagtail
slugifies titles keeping Unicode unless WAGTAIL_ALLOW_UNICODE_SLUGS is off.
"""

import pytest
from django.conf import settings
from django.urls import reverse

from classrooms.models import BlogEntryPage

pytestmark = pytest.mark.django_db


def test_an_entry_titled_with_accents_gets_an_ascii_address(client, world):
    client.force_login(world.teacher)
    url = reverse("classrooms:entry_new", kwargs={"classroom_id": world.classroom.pk})
    client.post(
        url, {"title": "Réunion de rentrée : merci !", "text": "À bientôt.", "action": "save"}
    )
    entry = BlogEntryPage.objects.child_of(world.classroom).get()
    assert entry.slug == "reunion-de-rentree-merci"
    assert entry.slug.isascii()


def test_wagtail_slugs_are_ascii_in_the_admin_too():
    """The admin's slug field and its automatic slug follow the same setting."""
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False
