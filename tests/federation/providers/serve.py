"""Run a test identity provider: `serve.py cas|oidc PORT SETUP_JSON` (the tests do, and
a person trying CAS or OpenID Connect locally, README "Signing in with ...").

Migrates its SQLite file (PROVIDER_DB), creates what SETUP_JSON lists (people, the CAS
service pattern, the OIDC client), then serves on 127.0.0.1:PORT with wsgiref (threads:
Préau calls back while a browser waits) and prints READY.
"""

import json
import os
import sys
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

sys.path.insert(0, str(Path(__file__).resolve().parent))


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def main():
    kind, port, setup = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
    os.environ["DJANGO_SETTINGS_MODULE"] = f"{kind}_settings"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    for username, password in setup["people"]:
        person, _created = get_user_model().objects.get_or_create(username=username)
        person.set_password(password)
        person.save()
    if kind == "cas":
        from cas_server.models import ServicePattern

        ServicePattern.objects.update_or_create(
            name="Préau under test", defaults={"pos": 1, "pattern": setup["service_pattern"]}
        )
    else:
        from oauth2_provider.models import get_application_model

        for client in setup["clients"]:
            get_application_model().objects.filter(client_id=client["client_id"]).delete()
            get_application_model().objects.create(
                name=client["client_id"],
                client_id=client["client_id"],
                client_secret=client["client_secret"],
                client_type="confidential",
                authorization_grant_type="authorization-code",
                redirect_uris=" ".join(client["redirect_uris"]),
                algorithm="RS256",
                skip_authorization=True,
            )
    from django.core.wsgi import get_wsgi_application

    server = make_server(
        "127.0.0.1", port, get_wsgi_application(), ThreadingWSGIServer, QuietHandler
    )
    print("READY", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
