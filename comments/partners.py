"""A class's partnerships as its wall shows them: the invitations it received and the
classes whose blog it reads.

The wall reads them with the rest of the class in its one query (`partnership_rows`,
registered as a class fact from CommentsConfig.ready(), classrooms/wall.py); the
template tags of the class page take them from the wall's `ClassFacts`
(`class_partnerships`), and query them only when the page has no wall.
"""

from types import SimpleNamespace

from django.db.models import OuterRef
from wagtail.models import Page

from classrooms.aggregates import json_rows

from .models import Partnership

PARTNERSHIPS = "partnership_rows"
SHOWN_STATUSES = (Partnership.Status.INVITED, Partnership.Status.ACCEPTED)


def partnership_rows(classroom, request):
    """The class's invitations and accepted partners, for the wall's one query."""
    partnerships = Partnership.objects.filter(guest_id=OuterRef("pk"), status__in=SHOWN_STATUSES)
    return json_rows(
        partnerships,
        "guest_id",
        id="id",
        status="status",
        host_id="host_id",
        title="host__title",
        path="host__path",
        depth="host__depth",
        url_path="host__url_path",
    )


def class_partnerships(classroom, facts=None):
    """The class's invitations and accepted partners, oldest first: from the wall's
    `ClassFacts` of this class when given, else in one query."""
    if facts is not None and facts.classroom.pk == classroom.pk and PARTNERSHIPS in facts.row:
        partnerships = []
        for row in sorted(facts.rows(PARTNERSHIPS), key=lambda row: row["id"]):
            host = Page(id=row["host_id"], title=row["title"], url_path=row["url_path"])
            host.path, host.depth = row["path"], row["depth"]
            partnerships.append(SimpleNamespace(pk=row["id"], status=row["status"], host=host))
        return partnerships
    return list(
        Partnership.objects.filter(guest=classroom, status__in=SHOWN_STATUSES)
        .select_related("host")
        .order_by("pk")
    )
