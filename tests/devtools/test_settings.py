"""devtools/ is for development: production never installs it, the bench seeding does."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "preau.example.org",
    "AXES_PROXY_COUNT": "0",
}


def installed_apps(module):
    code = (
        f"import sys; sys.path.insert(0, 'site'); import {module} as s; "
        "print(','.join(s.INSTALLED_APPS))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **PRODUCTION_ENVIRONMENT},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().split(",")


@pytest.mark.parametrize("module", ["preau.settings.production", "preau.settings.base"])
def test_production_does_not_install_the_development_tools(module):
    apps = installed_apps(module)
    assert "performance" in apps
    assert "devtools" not in apps


@pytest.mark.parametrize(
    "module", ["preau.settings.dev", "preau.settings.test", "preau.settings.bench"]
)
def test_development_test_and_bench_seeding_install_them(module):
    assert "devtools" in installed_apps(module)


def test_bench_settings_are_production_plus_devtools_only():
    assert installed_apps("preau.settings.bench") == [
        *installed_apps("preau.settings.production"),
        "devtools",
    ]
