"""Settings are safe by default and read from the environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from preau.settings import env

ROOT = Path(__file__).resolve().parent.parent


def run_settings(module, **environment):
    """Import a settings module in a fresh process, as a server would at start-up."""
    code = (
        f"import sys; sys.path.insert(0, 'site'); import {module} as s; "
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])"
    )
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS", "AXES_PROXY_COUNT"}
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **environment},
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings("preau.settings.production", ALLOWED_HOSTS="preau.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_hosts():
    result = run_settings("preau.settings.production", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_refuses_to_start_without_a_stated_proxy_count():
    """gunicorn runs no system check: loading the settings is what must fail."""
    result = run_settings(
        "preau.settings.production", SECRET_KEY="x" * 60, ALLOWED_HOSTS="preau.example.org"
    )
    assert result.returncode != 0
    assert "AXES_PROXY_COUNT must be set" in result.stderr
    stated = run_settings(
        "preau.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="preau.example.org",
        AXES_PROXY_COUNT="0",
    )
    assert stated.returncode == 0, stated.stderr


def test_messaging_limits_come_from_the_environment():
    code = (
        "import sys; sys.path.insert(0, 'site'); import preau.settings.base as s; "
        "print(s.PREAU_MESSAGES_PER_WINDOW, s.PREAU_MESSAGES_WINDOW_MINUTES, "
        "s.PREAU_MESSAGE_DOCUMENT_MAX_BYTES)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **os.environ,
            "PREAU_MESSAGES_PER_WINDOW": "5",
            "PREAU_MESSAGES_WINDOW_MINUTES": "3",
            "PREAU_MESSAGE_DOCUMENT_MAX_MB": "2",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["5", "3", str(2 * 1024 * 1024)]


def test_defaults_are_sqlite_and_local_memory_with_debug_off():
    result = run_settings("preau.settings.base")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_postgres_and_redis_come_from_the_environment():
    result = run_settings(
        "preau.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="preau.example.org",
        AXES_PROXY_COUNT="1",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/preau",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "django.db.backends.postgresql",
        "performance.redis_cache.RedisCache",
    ]


def test_env_helpers_parse_and_explain(monkeypatch):
    monkeypatch.setenv("PREAU_FLAG", "yes")
    monkeypatch.setenv("PREAU_LIST", "a.example, b.example,")
    monkeypatch.setenv("PREAU_NUMBER", "twelve")
    assert env.env_bool("PREAU_FLAG") is True
    assert env.env_list("PREAU_LIST") == ["a.example", "b.example"]
    with pytest.raises(Exception, match="PREAU_NUMBER must be a whole number"):
        env.env_int("PREAU_NUMBER", 1)


def test_with_redis_sessions_live_in_the_database_and_redis_keeps_copies():
    """Redis may evict or lose its keys (README "Production"): nobody is logged out."""
    code = (
        "import sys; sys.path.insert(0, 'site'); import preau.settings.base as s; "
        "print(s.SESSION_ENGINE, s.SESSION_CACHE_ALIAS, s.CACHES['sessions']['MAX_TIMEOUT'])"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "REDIS_URL": "redis://127.0.0.1:6379/0"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.contrib.sessions.backends.cached_db",
        "sessions",
        "300",
    ]
