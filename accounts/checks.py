"""System checks of the login's settings, run by `check`, `migrate` and `runserver`."""

from django.conf import settings
from django.core import checks

PROXY_COUNT_NOT_STATED = "accounts.E001"


def proxy_count_stated(app_configs=None, **kwargs):
    """Production refuses to start until the operator says how many proxies stand in front.

    Préau cannot tell by itself: behind a proxy, counting none gives every visitor the
    proxy's address (in the login records, and in anything keyed on it); without one,
    counting one would trust an X-Forwarded-For header the client wrote. `0` is a valid
    answer ("no proxy"); silence is not.
    """
    if getattr(settings, "PREAU_ENVIRONMENT", "") != "production":
        return []
    if getattr(settings, "PREAU_PROXY_COUNT", None) is not None:
        return []
    return [
        checks.Error(
            "AXES_PROXY_COUNT is not set.",
            hint=(
                "Set the environment variable AXES_PROXY_COUNT to the number of reverse "
                "proxies in front of Préau (1 behind one nginx), or to 0 when clients "
                "connect to it directly."
            ),
            id=PROXY_COUNT_NOT_STATED,
        )
    ]


def register():
    checks.register(proxy_count_stated, checks.Tags.security)
