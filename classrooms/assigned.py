"""Work set for some pupils of a class: the whole class, or chosen groups and pupils.

An activity whose page has `assigned_groups` (to classrooms.PupilGroup) and
`assigned_pupils` (to the user model) many-to-many fields, like exercises and writing
assignments, asks here whether a pupil is concerned, and hides its wall cards from the
others without a query per card: `wall_annotations(model, prefix)` gives the wall's one
query what `is_set_for_annotated(page, user, prefix)` reads. The prefix keeps each
activity's annotation names its own (the wall annotates the pages of every activity).
"""

from django.db.models import Exists, OuterRef, Value

from .aggregates import json_rows, rows_of
from .models import PupilGroup


def is_set_for(page, pupil) -> bool:
    """Whether the work is set for this pupil (the whole class, or one of theirs)."""
    pupils = {p.pk for p in page.assigned_pupils.all()}
    groups = list(page.assigned_groups.all())
    if not pupils and not groups:
        return True
    if pupil.pk in pupils:
        return True
    return any(pupil.pk in {p.pk for p in group.pupils.all()} for group in groups)


def wall_annotations(model, prefix) -> dict:
    """For whom each page of `model` is set, as expressions of the wall's one query: the
    same for every reader."""
    page_id = f"{model._meta.model_name}_id"
    pupils = model.assigned_pupils.through.objects.filter(**{page_id: OuterRef("pk")})
    groups = model.assigned_groups.through.objects.filter(**{page_id: OuterRef("pk")})
    group_relation = model.assigned_groups.field.related_query_name()
    group_pupils = PupilGroup.pupils.through.objects.filter(
        **{f"pupilgroup__{group_relation}": OuterRef("pk")}
    ).annotate(everything=Value(1))
    return {
        f"{prefix}_for_pupils": Exists(pupils),
        f"{prefix}_for_groups": Exists(groups),
        f"{prefix}_pupil_rows": json_rows(pupils, page_id, id="user_id"),
        f"{prefix}_group_pupil_rows": json_rows(group_pupils, "everything", id="user_id"),
    }


def is_set_for_annotated(page, user, prefix) -> bool:
    """is_set_for(page, user), from the wall's annotations when the page has them."""
    if not hasattr(page, f"{prefix}_for_pupils"):
        return is_set_for(page, user)
    if not (getattr(page, f"{prefix}_for_pupils") or getattr(page, f"{prefix}_for_groups")):
        return True
    rows = rows_of(getattr(page, f"{prefix}_pupil_rows")) + rows_of(
        getattr(page, f"{prefix}_group_pupil_rows")
    )
    return any(row["id"] == user.pk for row in rows)
