"""`make run` ends in the portal's default language, like the login table before it:
no English line after a French table (Préau issue 23)."""

import io
import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

from home.management.commands.load_demo_data import Command

MAKEFILE = Path(settings.BASE_DIR) / "Makefile"


def run_target():
    text = MAKEFILE.read_text()
    return re.search(r"^run:.*?\n((?:\t.*\n)+)", text, re.MULTILINE).group(1)


def test_make_run_prints_no_english_line_of_its_own():
    recipe = run_target()
    assert "echo" not in recipe
    assert "load_demo_data --serving-at http://127.0.0.1:8000/" in recipe


def test_the_last_line_is_in_the_default_language():
    out = io.StringIO()
    with translation.override(settings.LANGUAGE_CODE):
        Command(stdout=out).write_serving_at("http://127.0.0.1:8000/")
    assert out.getvalue().strip().splitlines()[-1] == (
        "Préau tourne sur http://127.0.0.1:8000/ (Ctrl+C pour arrêter)."
    )
