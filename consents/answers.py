"""Reading and changing the families' answers: the one place the sharing rules ask.

`allowed` is the rule: a medium reaches an audience only with the family's "yes" for it,
and the public only with the school's "yes" too (what is public, the school reads).
`record` changes answers, keeps the history (who, when, old → new) and, when an answer
that allowed something no longer does, sends signals.answers_narrowed in the same
transaction, so that what was shared under it is taken back (classrooms/consent.py).
"""

from django.db import transaction

from . import signals
from .models import FIELDS, Audience, ConsentChange, Medium, PupilConsent, field_name


def answers_of(pupil_ids) -> dict[int, PupilConsent]:
    """Each pupil's answers (one query); a pupil without a row gets an all-"no" one."""
    pupil_ids = set(pupil_ids)
    found = {row.pupil_id: row for row in PupilConsent.objects.filter(pupil_id__in=pupil_ids)}
    return {pk: found.get(pk) or PupilConsent(pupil_id=pk) for pk in pupil_ids}


def of_user(pupil) -> PupilConsent:
    """A pupil's answers read through `pupil.consent` (no query when the caller used
    select_related("…pupil__consent")); all "no" when there are none."""
    try:
        return pupil.consent
    except PupilConsent.DoesNotExist:
        return PupilConsent(pupil_id=pupil.pk)


def allowed(consent, medium, audience) -> bool:
    if not consent.answer(medium, Audience.SCHOOL):
        return False
    return audience == Audience.SCHOOL or consent.answer(medium, Audience.PUBLIC)


def refused(pupil_ids, medium, audience) -> set[int]:
    """The pupils among these whose family has not allowed this medium for this audience."""
    return {
        pk
        for pk, consent in answers_of(pupil_ids).items()
        if not allowed(consent, medium, audience)
    }


def effective(consent) -> dict[tuple[str, str], bool]:
    return {
        (medium, audience): allowed(consent, medium, audience)
        for medium in Medium.values
        for audience in Audience.values
    }


def record(pupil, values, *, by=None, source) -> list[tuple[str, str]]:
    """Set some of a pupil's answers ({"voice_public": False, ...}); returns the
    (medium, audience) changed. Answers not given stay as they are."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"Unknown consent answers: {sorted(unknown)}")
    with transaction.atomic():
        consent, created = PupilConsent.objects.select_for_update().get_or_create(pupil=pupil)
        before = effective(consent)
        changes = []
        for medium in Medium.values:
            for audience in Audience.values:
                name = field_name(medium, audience)
                if name not in values:
                    continue
                old = getattr(consent, name)
                new = bool(values[name])
                if old == new and not created:
                    continue
                if old == new and created and not new:
                    continue  # a "no" where nothing was said: nothing changes
                setattr(consent, name, new)
                changes.append(
                    ConsentChange(
                        pupil=pupil,
                        medium=medium,
                        audience=audience,
                        old=None if created else old,
                        new=new,
                        source=source,
                        changed_by=by,
                        changed_by_name=by.display_name if by is not None else "",
                    )
                )
        if not changes:
            return []
        consent.save()
        ConsentChange.objects.bulk_create(changes)
        after = effective(consent)
        narrowed = [key for key, was in before.items() if was and not after[key]]
        if narrowed:
            signals.answers_narrowed.send(PupilConsent, pupil=pupil, narrowed=narrowed)
        return [(change.medium, change.audience) for change in changes]


def history_of(pupil, limit=200):
    return list(ConsentChange.objects.filter(pupil=pupil).select_related("changed_by")[:limit])


def changed_on_portal(pupil, medium) -> bool:
    """Whether a parent or staff member answered for this medium on the portal: an ONDE
    re-import saying "yes" then leaves their answer alone (a "no" always applies)."""
    return ConsentChange.objects.filter(
        pupil=pupil,
        medium=medium,
        source__in=[ConsentChange.Source.PARENT, ConsentChange.Source.STAFF],
    ).exists()


def seed_photo_from_onde(pupil, agreed, *, by=None) -> bool:
    """Apply the ONDE "Autorisation photo" answer to both photo answers; returns whether
    anything changed. A "yes" does not override an answer given on the portal."""
    if agreed is None:
        return False
    if agreed and changed_on_portal(pupil, Medium.PHOTO):
        return False
    photo = {field_name(Medium.PHOTO, audience): agreed for audience in Audience.values}
    return bool(record(pupil, photo, by=by, source=ConsentChange.Source.ONDE))


def onde_would_change(pupil, agreed) -> bool:
    """What seed_photo_from_onde would do, without doing it (the import's preview)."""
    if agreed is None or pupil is None:
        return False
    if agreed and changed_on_portal(pupil, Medium.PHOTO):
        return False
    consent = answers_of([pupil.pk])[pupil.pk]
    return any(consent.answer(Medium.PHOTO, audience) != agreed for audience in Audience.values)


def photo_summary(consent) -> bool | None:
    """True when both photo answers are yes, False when both no, None when mixed."""
    school, public = consent.photo_school, consent.photo_public
    return school if school == public else None
