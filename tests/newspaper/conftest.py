"""The shared-space world (tests/sharedspaces/conftest.py), with a newspaper space."""

import pytest

from tests.sharedspaces.conftest import make_space, space_world  # noqa: F401


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def space(space_world):  # noqa: F811
    return make_space(space_world, "newspaper")


@pytest.fixture(autouse=True)
def english_pages():
    """These tests read the pages' English sentences: reverse() then gives /en/ addresses,
    served in English (the French is checked by tests/browser and check_translations)."""
    from django.utils import translation

    translation.activate("en")
    yield
