"""What the classes of a school made public, for the school's public site.

A template tag rather than a field of SchoolPage: the public sites (pages/) know nothing
of class spaces; only entries a staff member made public are listed, newest first, in
one query.
"""

from django import template
from wagtail.models import Page

from classrooms.models import BlogEntryPage, ClassroomPage, Visibility

register = template.Library()

PUBLIC_ENTRIES_SHOWN = 6


@register.inclusion_tag("classrooms/includes/public_entries.html")
def public_class_entries(school):
    entries = list(
        BlogEntryPage.objects.live()
        .filter(
            path__startswith=school.path,
            depth=school.depth + 2,
            visibility=Visibility.PUBLIC,
        )
        .order_by("-first_published_at")[:PUBLIC_ENTRIES_SHOWN]
    )
    paths = {entry.path[: -Page.steplen] for entry in entries}
    titles = dict(ClassroomPage.objects.filter(path__in=paths).values_list("path", "title"))
    for entry in entries:
        entry.class_title = titles.get(entry.path[: -Page.steplen], "")
    return {"entries": entries}
