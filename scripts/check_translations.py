"""Fail when a string a person reads has no French translation.

Extracts the messages from the code as `make messages` would, into a scratch copy,
and compares them with locale/fr: every message must be translated, none fuzzy, and the
compiled .mo must match the .po (so a fresh clone needs no gettext tools to run).
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale" / "fr" / "LC_MESSAGES"
IGNORED = [".venv/*", "static_collected/*", "media/*", "node_modules/*"]


def extracted_messages():
    """The msgids makemessages finds now, without touching the committed files."""
    with tempfile.TemporaryDirectory() as scratch:
        saved = Path(scratch) / "saved"
        shutil.copytree(ROOT / "locale", saved)
        try:
            command = [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete"]
            for pattern in IGNORED:
                command += ["-i", pattern]
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
            fresh = polib.pofile(str(LOCALE / "django.po"))
            return {(entry.msgctxt, entry.msgid) for entry in fresh}
        finally:
            shutil.rmtree(ROOT / "locale")
            shutil.copytree(saved, ROOT / "locale")


def main():
    po = polib.pofile(str(LOCALE / "django.po"))
    problems = []
    known = {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}
    for _context, msgid in sorted(extracted_messages() - known, key=str):
        problems.append(f"not in django.po (run `make messages`): {msgid!r}")
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif not entry.translated():
            problems.append(f"untranslated: {entry.msgid!r}")
    mo = polib.mofile(str(LOCALE / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo}
    for entry in po.translated_entries():
        if compiled.get((entry.msgctxt, entry.msgid)) != entry.msgstr:
            problems.append(f"django.mo is out of date (run `make messages`): {entry.msgid!r}")
            break
    if problems:
        print("French translations are incomplete:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print(f"French translations complete: {len(po.translated_entries())} messages.")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "preau.settings.dev")
    sys.exit(main())
