"""What the family agreed to and the school knows: the pupil's record (level, birth date),
the answers for photos, voice, videos and full name for each audience, and the history
of who changed them (consents/)."""

from django.utils.translation import gettext as _

from consents.answers import effective, history_of, of_user
from consents.models import Audience, Medium, PupilConsent
from enrolment.models import PupilRecord

from ..bundle import Line, Section, when

ORDER = 30


def collect(export):
    person = export.person
    records, lines = [], []
    record = PupilRecord.objects.filter(user=person).first()
    if record is not None:
        records.append(
            {
                "kind": "pupil_record",
                "birth_date": when(record.birth_date),
                "level": record.level,
                "updated_at": when(record.updated_at),
            }
        )
    if record is not None or PupilConsent.objects.filter(pupil=person).exists():
        answers = effective(of_user(person))
        for (medium, audience), agreed in answers.items():
            records.append(
                {"kind": "consent", "medium": medium, "audience": audience, "agreed": agreed}
            )
            lines.append(
                Line(
                    f"{Medium(medium).label} · {Audience(audience).label}",
                    detail=_("yes") if agreed else _("no"),
                )
            )
        for change in history_of(person):
            records.append(
                {
                    "kind": "consent_change",
                    "medium": change.medium,
                    "audience": change.audience,
                    "old": change.old,
                    "new": change.new,
                    "how": change.source,
                    "by": change.changed_by_name,
                    "at": when(change.changed_at),
                }
            )
    if not records:
        return None
    return Section("consents", _("Consents and school record"), records, lines)
