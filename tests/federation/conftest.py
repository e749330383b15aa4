"""The federation tests' providers (tests/federation/providers/fixtures.py)."""

from tests.federation.providers.fixtures import (  # noqa: F401
    OIDC_CLIENT,
    cas_on,
    cas_server,
    oidc_on,
    oidc_provider,
)
