"""A real SAML identity provider for the tests: pysaml2's own `saml2.server.Server`,
served over HTTP on 127.0.0.1 from a thread.

It takes the SP's AuthnRequest by HTTP-Redirect, shows a small login form, and posts a
signed Response back by HTTP-POST, as EduConnect does. Keys and certificates are made
at test time in a temporary folder (none is committed); metadata are exchanged as files.

`sign = False` makes it answer unsigned; a second IdP with the same entity ID (and its
own key, which the SP has never seen) forges answers.
"""

import datetime
import html
import re
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import saml2
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import AUTHN_PASSWORD, NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server


def make_key_pair(folder: Path, name: str) -> tuple[Path, Path]:
    """A fresh RSA key and self-signed certificate, as PEM files in `folder`."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"preau-test-{name}")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = folder / f"{name}.key", folder / f"{name}.crt"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


LOGIN_FORM = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>EduConnect de test</title></head><body><main>
<h1>Connexion EduConnect (IdP de test)</h1>{error}
<form method="post" action="/login">
<input type="hidden" name="SAMLRequest" value="{request}">
<input type="hidden" name="RelayState" value="{relay}">
<p><label for="u">Identifiant EduConnect</label> <input id="u" name="username"></p>
<p><label for="p">Mot de passe EduConnect</label> <input id="p" name="password" type="password"></p>
<p><button type="submit">Valider</button></p>
</form></main></body></html>"""


class LocalIdP:
    """An IdP on 127.0.0.1. `users` maps a username to (password, subject)."""

    def __init__(
        self, folder: Path, *, entity_id=None, sso_url=None, name="idp", host="127.0.0.1", port=0
    ):
        self.folder = folder
        self.users: dict[str, tuple[str, str]] = {}
        self.sign = True
        self.attribute = None  # also send the subject as this attribute, if set
        self.encrypt = False  # encrypt the assertion to the SP's certificate (EduConnect)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        # `host`: the name the browser reaches it by, the SP's own (same site, as a
        # SameSite=Lax cookie needs when there is no HTTPS).
        self.url = f"http://{host}:{self.httpd.server_address[1]}"
        self.entity_id = entity_id or f"{self.url}/metadata"
        self.sso_url = sso_url or f"{self.url}/sso"  # a forger claims the real IdP's
        self.key_file, self.cert_file = make_key_pair(folder, name)
        self.metadata_file = folder / f"{name}-metadata.xml"
        self.metadata_file.write_text(
            create_metadata_string(None, config=self._config(None)).decode()
        )
        self.server = None
        self.thread = None

    def _config(self, sp_metadata):
        conf = IdPConfig()
        conf.load(
            {
                "entityid": self.entity_id,
                "xmlsec_binary": shutil.which("xmlsec1"),
                "key_file": str(self.key_file),
                "cert_file": str(self.cert_file),
                "metadata": {"local": [str(sp_metadata)]} if sp_metadata else {},
                "service": {
                    "idp": {
                        "name": "EduConnect de test",
                        "endpoints": {
                            "single_sign_on_service": [(self.sso_url, saml2.BINDING_HTTP_REDIRECT)]
                        },
                        "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                        "want_authn_requests_signed": False,
                        "policy": {"default": {"lifetime": {"minutes": 5}}},
                    }
                },
            }
        )
        return conf

    def start(self, sp_metadata_file: Path):
        """Serve, knowing the SP from its metadata file."""
        self.server = Server(config=self._config(sp_metadata_file))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    # What the IdP does -------------------------------------------------------------
    def login_page(self, saml_request, relay_state, error=""):
        self.server.parse_authn_request(saml_request, saml2.BINDING_HTTP_REDIRECT)
        return LOGIN_FORM.format(
            request=html.escape(saml_request),
            relay=html.escape(relay_state),
            error=f'<p role="alert">{html.escape(error)}</p>' if error else "",
        )

    def answer(self, saml_request, relay_state, subject):
        """The auto-posting HTML form carrying the Response to the SP's ACS."""
        request = self.server.parse_authn_request(saml_request, saml2.BINDING_HTTP_REDIRECT)
        args = self.server.response_args(request.message)
        identity = {"uid": [subject]}
        if self.attribute:
            identity[self.attribute] = [subject]
        response = self.server.create_authn_response(
            identity=identity,
            userid=subject,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=subject),
            authn={"class_ref": AUTHN_PASSWORD, "authn_auth": self.entity_id},
            sign_assertion=self.sign,
            sign_response=self.sign,
            encrypt_assertion=self.encrypt,
            **args,
        )
        http_args = self.server.apply_binding(
            saml2.BINDING_HTTP_POST, str(response), args["destination"], relay_state, response=True
        )
        return http_args["data"]

    def _handler(self):
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, body, status=200):
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urlparse(self.path)
                if url.path == "/metadata":
                    return self._send(idp.metadata_file.read_text())
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path != "/sso" or "SAMLRequest" not in query:
                    return self._send("not found", 404)
                self._send(idp.login_page(query["SAMLRequest"], query.get("RelayState", "")))

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if self.path != "/login":
                    return self._send("not found", 404)
                saml_request, relay = form.get("SAMLRequest", ""), form.get("RelayState", "")
                password, subject = idp.users.get(form.get("username", ""), (None, None))
                if password is None or password != form.get("password"):
                    page = idp.login_page(
                        saml_request, relay, "Identifiant ou mot de passe incorrect."
                    )
                    return self._send(page)
                self._send(idp.answer(saml_request, relay, subject))

        return Handler


def form_fields(page: str) -> tuple[str, dict[str, str]]:
    """The action and hidden fields of the first form in an HTML page."""
    action = html.unescape(re.search(r'<form[^>]*action="([^"]*)"', page).group(1))
    fields = {
        html.unescape(name): html.unescape(value)
        for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page)
    }
    return action, fields
