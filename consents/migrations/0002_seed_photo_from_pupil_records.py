"""The single photo consent of enrolment's PupilRecord becomes both photo answers (the
school community and the public), with a line of history saying where it came from.
The other answers start as "no", as the old consent said nothing of them... except that
it covered "photos and recordings": the voice and video answers take it too, so that
nothing shared before the change is taken down by the migration itself."""

from django.db import migrations

FIELDS = ("photo", "voice", "video")
AUDIENCES = ("school", "public")


def seed(apps, schema_editor):
    PupilRecord = apps.get_model("enrolment", "PupilRecord")
    PupilConsent = apps.get_model("consents", "PupilConsent")
    ConsentChange = apps.get_model("consents", "ConsentChange")
    pupil_ids = list(
        PupilRecord.objects.filter(photo_consent=True).values_list("user_id", flat=True)
    )
    existing = set(
        PupilConsent.objects.filter(pupil_id__in=pupil_ids).values_list("pupil_id", flat=True)
    )
    answers = {f"{medium}_{audience}": True for medium in FIELDS for audience in AUDIENCES}
    PupilConsent.objects.bulk_create(
        [PupilConsent(pupil_id=pk, **answers) for pk in pupil_ids if pk not in existing],
        batch_size=500,
    )
    ConsentChange.objects.bulk_create(
        [
            ConsentChange(
                pupil_id=pk, medium=medium, audience=audience, old=None, new=True, source="initial"
            )
            for pk in pupil_ids
            if pk not in existing
            for medium in FIELDS
            for audience in AUDIENCES
        ],
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("consents", "0001_initial"),
        ("enrolment", "0003_parent_link_typed_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
