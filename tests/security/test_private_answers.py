"""Answers to a logged-in person are never stored: `Cache-Control: private, no-store`."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

PRIVATE = "private, no-store"


def image_in(collection, name):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "PNG")
    image = get_image_model()(title=name, collection=collection)
    image.file = ImageFile(buffer, name=f"{name}.png")
    image.save()
    return image


def test_every_logged_in_answer_is_private_and_not_stored(client, world):
    client.force_login(world.parent)
    for url in (world.classroom.url, "/compte/mes-espaces/", world.school.url):
        assert client.get(url)["Cache-Control"] == PRIVATE, url


def test_anonymous_public_pages_stay_cacheable(client, world):
    """Shared caches keep them (performance/page_cache.py); the same page for a logged-in
    person is private (above)."""
    response = client.get(world.school.url)
    assert "no-store" not in response["Cache-Control"]
    assert response["Cache-Control"].startswith("public")
    assert "s-maxage=" in response["Cache-Control"]


def test_a_class_s_files_are_never_stored(client, world):
    world.classroom.refresh_from_db()
    image = image_in(world.classroom.collection, "haricots")
    client.force_login(world.parent)
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_a_public_file_keeps_its_public_header_for_logged_in_readers(client, world):
    world.school.refresh_from_db()
    image = image_in(world.school.collection, "cour")
    client.force_login(world.parent)
    assert client.get(image.file.url)["Cache-Control"].startswith("public")
