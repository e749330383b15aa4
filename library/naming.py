"""The name a resource's file is shown and downloaded under, derived from its metadata.

Why: "scan0001.pdf" or "Copie de fiche FINALE(2).docx" tell a colleague nothing; a
director asked for files named uniformly (issue 22). The name says the levels, the
subject, the domain, the title and the licence, in that order, for example
"cm1-mathematiques-nombres-et-calculs-les-fractions-cc-by.pdf"; the pictures of an image
set are numbered. The uploaded name is never kept.
"""

from django.utils.text import slugify

from .taxonomy import Kind

TITLE_SLUG_LENGTH = 60


def stem_name(resource) -> str:
    parts = [
        "-".join(level.lower() for level in resource.level_list),
        resource.subject,
        resource.domain,
        slugify(resource.title)[:TITLE_SLUG_LENGTH].strip("-"),
        resource.licence,
    ]
    return "-".join(part for part in parts if part)


def file_name(resource, stored) -> str:
    stem = stem_name(resource)
    if resource.kind == Kind.IMAGES:
        stem = f"{stem}-{stored.position + 1}"
    return f"{stem}.{stored.extension}"
