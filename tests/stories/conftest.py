import pytest

from tests.sharedspaces.conftest import space_world  # noqa: F401


@pytest.fixture(autouse=True)
def english_pages():
    """These tests read the pages' English sentences: reverse() then gives /en/ addresses,
    served in English (the French is checked by tests/browser and check_translations)."""
    from django.utils import translation

    translation.activate("en")
    yield
