from tests.sharedspaces.conftest import space_world  # noqa: F401
