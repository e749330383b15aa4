#!/usr/bin/env python
"""Django's command-line utility for Préau."""

import os
import sys
from pathlib import Path


def main():
    # site/ holds the Django project; it is a plain folder, not a package, because
    # `site` is also a standard-library module.
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "preau.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
