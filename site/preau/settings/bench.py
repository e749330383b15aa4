"""`make bench`'s seeding: the production settings plus the development tools.

The benchmark serves its portal with `preau.settings.production`, unchanged; only the
processes that seed the portal (`manage.py seed_scale`) and drive the load use this
module, for the `seed_scale` command lives in `devtools`, which production never installs.
Nothing else differs: the portal is seeded against the same database, cache and search
settings that the server then reads.
"""

from .production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
