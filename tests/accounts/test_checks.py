"""Production refuses to start until the number of proxies in front is stated."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

ROOT = Path(__file__).resolve().parents[2]


def deploy_check(**environment):
    """`manage.py check --deploy` with production settings, as `make checks` runs it.

    The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process (Playwright's loop),
    which the deploy check rightly refuses: it is not passed on either.
    """
    inherited_only_by_tests = {
        "DATABASE_URL",
        "REDIS_URL",
        "AXES_PROXY_COUNT",
        "DJANGO_SETTINGS_MODULE",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }
    clean = {k: v for k, v in os.environ.items() if k not in inherited_only_by_tests}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "preau.settings.production",
            "ALLOWED_HOSTS": "preau.example.org",
            "SECRET_KEY": secrets.token_urlsafe(64),
            **environment,
        },
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_stated_proxy_count():
    result = deploy_check()
    assert result.returncode != 0
    assert "AXES_PROXY_COUNT must be set" in result.stderr


@pytest.mark.parametrize("count", ["0", "1"])
def test_a_stated_proxy_count_passes_the_deploy_check(count):
    result = deploy_check(AXES_PROXY_COUNT=count)
    assert result.returncode == 0, result.stderr


def test_the_check_runs_with_every_command_in_production(settings):
    settings.PREAU_ENVIRONMENT = "production"
    settings.PREAU_PROXY_COUNT = None
    with pytest.raises(SystemCheckError, match="AXES_PROXY_COUNT"):
        call_command("check")
    settings.PREAU_PROXY_COUNT = 0
    call_command("check")


def test_development_needs_no_proxy_count(settings):
    settings.PREAU_PROXY_COUNT = None
    call_command("check")
