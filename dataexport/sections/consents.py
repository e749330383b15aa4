"""What the family agreed to: the pupil record's photo answer and, when the consents app
is installed, its rows about the person (read defensively: any model of that app with a
foreign key to the account, every field of it as text)."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _

from ..bundle import Line, Section, when

ORDER = 30


def _value(value):
    if hasattr(value, "isoformat"):
        return when(value)
    if isinstance(value, (bool, int, float, str)) or value is None:
        return value
    return str(value)


def _rows_of(model, person):
    """This model's rows naming the person, every concrete field kept as plain values."""
    user_fields = [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.ForeignKey)
        and f.related_model._meta.label == settings.AUTH_USER_MODEL
    ]
    if not user_fields:
        return []
    query = models.Q()
    for name in user_fields:
        query |= models.Q(**{name: person})
    rows = []
    for row in model._default_manager.filter(query).order_by("pk"):
        rows.append(
            {
                f.name: _value(getattr(row, f.attname))
                for f in model._meta.concrete_fields
                if f.name != "id"
            }
        )
    return rows


def collect(export):
    person = export.person
    records, lines = [], []
    if apps.is_installed("enrolment"):
        record_model = apps.get_model("enrolment", "PupilRecord")
        record = record_model.objects.filter(user=person).first()
        if record is not None:
            records.append(
                {
                    "kind": "pupil_record",
                    "birth_date": when(record.birth_date),
                    "level": record.level,
                    "photo_consent": record.photo_consent,
                    "updated_at": when(record.updated_at),
                }
            )
            answer = _("yes") if record.photo_consent else _("no")
            lines.append(Line(_("Photos may be shown: %(answer)s") % {"answer": answer}))
    if apps.is_installed("consents"):
        for model in apps.get_app_config("consents").get_models():
            for row in _rows_of(model, person):
                records.append({"kind": model._meta.model_name, **row})
                lines.append(Line(str(model._meta.verbose_name), detail=_summary(row)))
    if not records:
        return None
    return Section("consents", _("Consents and school record"), records, lines)


def _summary(row):
    return " · ".join(
        f"{key}: {value}" for key, value in row.items() if not key.endswith("_id") and value
    )[:300]
