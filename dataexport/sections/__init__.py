"""The registry of what an export holds: one module per source of a person's data.

Each module of this package that defines `collect(export)` is a source: it reads the
person's rows in a constant number of queries (select_related, prefetch, one query per
model, never one per row), returns a `bundle.Section` (or None when its app is absent)
and adds the stored files to `export` with `export.add_file`. `ORDER` places it in
index.html and data.json. Adding a source is adding a module; nothing else changes.
"""

import importlib
import pkgutil


def sources():
    """The source modules, in their ORDER."""
    modules = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    return sorted((m for m in modules if hasattr(m, "collect")), key=lambda m: m.ORDER)


def collect_all(export):
    """Every section of this person's export that has something to say, in order."""
    sections = []
    for module in sources():
        section = module.collect(export)
        if section is not None:
            sections.append(section)
    return sections
