"""Start the test identity providers (serve.py) in subprocesses on free ports."""

import json
import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

HERE = Path(__file__).resolve().parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rsa_private_key_pem():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


@dataclass
class Provider:
    url: str
    process: subprocess.Popen
    private_key_pem: bytes = b""

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def _start(kind, directory, setup, extra_env=None):
    port = free_port()
    env = dict(os.environ, PROVIDER_DB=str(directory / f"{kind}.sqlite3"), **(extra_env or {}))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, str(HERE / "serve.py"), kind, str(port), json.dumps(setup)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()
    if line.strip() != "READY":
        process.kill()
        raise RuntimeError(f"The test {kind} provider did not start: {process.stderr.read()}")
    return port, process


def start_cas_server(directory, people):
    """A django-cas-server at http://127.0.0.1:<port>/cas/ knowing `people`
    [(username, password)] and accepting any service on 127.0.0.1."""
    setup = {
        "people": people,
        "service_pattern": r"^https?://(127\.0\.0\.1|localhost|testserver)(:\d+)?/.*",
    }
    port, process = _start("cas", Path(directory), setup)
    return Provider(url=f"http://127.0.0.1:{port}/cas/", process=process)


def start_oidc_provider(directory, people, clients):
    """A django-oauth-toolkit OpenID provider, issuer http://127.0.0.1:<port>/o, knowing
    `people` and `clients` [{client_id, client_secret, redirect_uris}]."""
    pem = rsa_private_key_pem()
    key_file = Path(directory) / "oidc-key.pem"
    key_file.write_bytes(pem)
    port, process = _start(
        "oidc",
        Path(directory),
        {"people": people, "clients": clients},
        {"PROVIDER_RSA_KEY": str(key_file)},
    )
    return Provider(url=f"http://127.0.0.1:{port}/o", process=process, private_key_pem=pem)
