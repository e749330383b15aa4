"""The system under test: a throw-away database, Redis, and gunicorn with production settings.

gunicorn serves with `preau.settings.production`, unchanged. The seeding (`manage.py
seed_scale`) and the driver run with `preau.settings.bench`: the same settings plus the
`devtools` app that holds the command, which production does not install.
"""

import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
SERVER_SETTINGS = "preau.settings.production"
BENCH_SETTINGS = "preau.settings.bench"


class Environment:
    """The environment variables that make Préau a production deployment on this machine."""

    def __init__(self, *, postgres, database, redis_url, port):
        self.postgres = postgres.rstrip("/")
        self.database = database
        self.redis_url = redis_url
        self.port = port
        self.workdir = Path(tempfile.mkdtemp(prefix="preau-bench-"))
        self.variables = {
            # Seeding and driving; gunicorn overrides it with SERVER_SETTINGS.
            "DJANGO_SETTINGS_MODULE": BENCH_SETTINGS,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"{self.postgres}/{database}",
            "REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": "preau-bench",
            # wrk speaks plain HTTP on the loopback; a proxy would terminate TLS in front.
            "SECURE_SSL_REDIRECT": "false",
            # wrk talks to gunicorn directly: no proxy in front (accounts/checks.py).
            "AXES_PROXY_COUNT": "0",
            "STATIC_ROOT": str(self.workdir / "static"),
            "MEDIA_ROOT": str(self.workdir / "media"),
            "PREAU_COUNT_QUERIES": "1",
            # Pupils post many comments in a few seconds here; the flood rule still runs.
            "PREAU_COMMENTS_PER_WINDOW": "1000000",
            "LOG_LEVEL": "ERROR",
        }

    def apply(self):
        """Make this process (the driver) a client of the same database and cache."""
        os.environ.update(self.variables)
        site = str(REPOSITORY / "site")
        for path in (str(REPOSITORY), site):
            if path not in sys.path:
                sys.path.insert(0, path)

    def manage(self, *arguments):
        subprocess.run(
            [PYTHON, "manage.py", *arguments],
            cwd=REPOSITORY,
            env={**os.environ, **self.variables},
            check=True,
        )

    def cleanup(self):
        shutil.rmtree(self.workdir, ignore_errors=True)


def recreate_database(postgres_url, name):
    """Drop and create the benchmark's own database: it never touches another one."""
    import psycopg

    with psycopg.connect(f"{postgres_url.rstrip('/')}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def flush_redis(redis_url):
    import redis

    redis.Redis.from_url(redis_url).flushdb()


class Gunicorn:
    """gunicorn serving Préau's WSGI application, as in production."""

    def __init__(self, environment, *, workers, threads):
        self.environment = environment
        self.workers = workers
        self.threads = threads
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.environment.port}"

    def __enter__(self):
        command = [
            str(Path(PYTHON).with_name("gunicorn")),
            "preau.wsgi",
            "--pythonpath",
            "site",
            f"--bind=127.0.0.1:{self.environment.port}",
            f"--workers={self.workers}",
            "--worker-class=gthread",
            f"--threads={self.threads}",
            "--backlog=2048",
            "--log-level=warning",
        ]
        self.process = subprocess.Popen(
            command,
            cwd=REPOSITORY,
            env={
                **os.environ,
                **self.environment.variables,
                "DJANGO_SETTINGS_MODULE": SERVER_SETTINGS,
            },
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base_url}/health/", timeout=2) as answer:
                    if answer.status == 200 and len(self.worker_pids()) == self.workers:
                        return self
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn stopped while starting")
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer on /health/ within a minute")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def worker_memory_mib(self):
        """The largest resident memory among the workers, in MiB."""
        sizes = []
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return max(sizes, default=0.0)
