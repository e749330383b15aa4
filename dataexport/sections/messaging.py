"""Messages the person wrote (never the others' words: those are their own data), with
the files attached to them."""

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from messaging.models import Message

from ..bundle import Line, Section, when

ORDER = 70


def collect(export):
    rows = list(
        Message.objects.filter(author=export.person)
        .select_related("conversation")
        .prefetch_related("attachments")
        .order_by("created_at")
    )
    if not rows:
        return None
    records, lines = [], []
    for row in rows:
        paths = [
            path
            for path in (
                export.add_file(attachment.file, "messages", attachment.name.rsplit(".", 1)[0])
                for attachment in row.attachments.all()
            )
            if path
        ]
        subject = row.conversation.subject
        records.append(
            {
                "conversation": subject,
                "text": row.body,
                "sent_at": when(row.created_at),
                "files": paths,
            }
        )
        lines.append(
            Line(
                subject or _("A conversation"),
                when=row.created_at,
                detail=strip_tags(row.body)[:200],
                files=paths,
            )
        )
    return Section("messages", _("Messages written"), records, lines)
