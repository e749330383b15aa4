"""Photos and recordings of the class where the person is seen or heard (an Appearance
row names them), with the original files."""

from django.utils.translation import gettext as _

from classrooms.models import Appearance

from ..bundle import Line, Section, when

ORDER = 45


def collect(export):
    rows = list(
        Appearance.objects.filter(pupil=export.person)
        .select_related("image", "media")
        .order_by("pk")
    )
    if not rows:
        return None
    records, lines = [], []
    for row in rows:
        item = row.image or row.media
        kind = "photo" if row.image_id else "recording"
        path = export.add_file(item.file, "photos-and-recordings", item.title)
        records.append(
            {"kind": kind, "title": item.title, "added_at": when(item.created_at), "file": path}
        )
        lines.append(
            Line(
                item.title,
                when=item.created_at,
                detail=_("photo") if row.image_id else _("recording"),
                files=[path] if path else [],
            )
        )
    return Section(
        "appearances", _("Photos and recordings where this person appears"), records, lines
    )
