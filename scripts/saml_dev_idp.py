"""A SAML identity provider for trying EduConnect sign-in on a development server.

The tests' IdP (pysaml2's own Server, tests/federation/saml_idp.py), on a fixed port with
the demo's users. Never for production: its users and passwords are published here.

    export PREAU_SAML_PROVIDERS='[{"key": "educonnect", "label": "EduConnect",
        "idp_metadata": "/tmp/preau-saml/idp-metadata.xml"}]'
    .venv/bin/python manage.py runserver 127.0.0.1:8000    # in one terminal
    .venv/bin/python scripts/saml_dev_idp.py                 # in another

It writes its metadata to /tmp/preau-saml/, reads Préau's from the running server
(--sp, default http://127.0.0.1:8000) and serves on 127.0.0.1:8089 until Ctrl-C. Users:
vincent.moreau (linked to the demo's Vincent Moreau by `make run`) and laetitia.bernard
(not linked: link it from "My spaces"), both with the password preau2026.
"""

import argparse
import sys
import time
from pathlib import Path
from urllib.request import urlopen

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.federation.saml_idp import LocalIdP  # noqa: E402

USERS = {
    "vincent.moreau": ("preau2026", "DEMO-EDU-VINCENT-MOREAU"),
    "laetitia.bernard": ("preau2026", "DEMO-EDU-LAETITIA-BERNARD"),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sp", default="http://127.0.0.1:8000", help="Préau's address")
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument("--key", default="educonnect", help="the provider's key in Préau")
    args = parser.parse_args()
    folder = Path("/tmp/preau-saml")
    folder.mkdir(exist_ok=True)
    idp = LocalIdP(folder, port=args.port)
    (folder / "idp-metadata.xml").write_text(idp.metadata_file.read_text())
    sp_metadata = folder / "sp-metadata.xml"
    sp_metadata.write_bytes(urlopen(f"{args.sp}/connexion/saml/{args.key}/metadata/").read())
    idp.users.update(USERS)
    idp.start(sp_metadata)
    print(f"EduConnect (development) at {idp.url}: sign in at {args.sp}/compte/connexion/")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        idp.stop()


if __name__ == "__main__":
    main()
