"""The reading club's tests stand on the shared spaces' world (tests/sharedspaces)."""

from tests.sharedspaces.conftest import space_world  # noqa: F401
