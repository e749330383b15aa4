"""Building .h5p packages of Préau's own small H5P content type (h5p_library/), for the
demo and the tests: no content type from h5p.org is available without the network.

A real package from h5p.org or Lumi (H5P.MultiChoice...) has the same shape and plays
the same way.
"""

import io
import json
import zipfile
from pathlib import Path

LIBRARY_DIR = Path(__file__).parent / "h5p_library"
MACHINE_NAME = "H5P.PreauTrueFalse"
LIBRARY_FOLDER = f"{MACHINE_NAME}-1.0"


def true_false_package(title, question, statements, labels=None) -> bytes:
    """An .h5p file (bytes): `statements` is a list of (text, is it true)."""
    manifest = {
        "title": title,
        "language": "fr",
        "mainLibrary": MACHINE_NAME,
        "embedTypes": ["iframe"],
        "license": "U",
        "preloadedDependencies": [
            {"machineName": MACHINE_NAME, "majorVersion": 1, "minorVersion": 0}
        ],
    }
    content = {
        "question": question,
        "statements": [{"text": text, "correct": correct} for text, correct in statements],
        "trueLabel": "Vrai",
        "falseLabel": "Faux",
        "checkLabel": "Vérifier",
        "rightLabel": "Juste !",
        "wrongLabel": "Pas juste",
        **(labels or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("h5p.json", json.dumps(manifest, ensure_ascii=False))
        archive.writestr("content/content.json", json.dumps(content, ensure_ascii=False))
        for path in sorted((LIBRARY_DIR / LIBRARY_FOLDER).iterdir()):
            archive.write(path, f"{LIBRARY_FOLDER}/{path.name}")
    return buffer.getvalue()
