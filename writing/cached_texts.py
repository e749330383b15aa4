"""Which workshop text a blog entry was, read by every view of the entry.

The entry's page offers its authors "rewrite this text" (wagtail_hooks.py). Everyone who
opens an entry would otherwise pay a query to learn whether it came from the workshop;
the answer (the text's id, status and authors, or nothing) is kept under a version of
the entry's own (performance/versions.py), replaced when a text pointing at it is saved
or its authors change. It only decides whether a button shows: the rewrite view checks
the rules on the rows themselves.
"""

from performance import versions


def scope(entry_id) -> str:
    return f"entry-text:{entry_id}"


def scope_of(instance, **kwargs) -> str | None:
    entry_id = getattr(instance, "entry_id", None)
    return scope(entry_id) if entry_id else None


def text_models():
    from .models import Text

    return (Text, Text.authors.through)


def text_of_entry(entry_id) -> dict | None:
    """{"id", "status", "authors"} of the text published as this entry, or None."""
    from .models import Text

    def load():
        text = Text.objects.filter(entry_id=entry_id).prefetch_related("authors").first()
        if text is None:
            return {}
        return {"id": text.pk, "status": text.status, "authors": [a.pk for a in text.authors.all()]}

    return versions.cached(f"entry-text:{entry_id}", (scope(entry_id),), load) or None


def watch() -> None:
    """Called from WritingConfig.ready(): a button, never a guard of access."""
    versions.watch(scope_of, text_models, guards_access=False)
