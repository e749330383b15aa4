"""Small lists read with the rows they belong to: one query instead of one more per list.

`json_rows(queryset, group_by, **fields)` is a subquery giving, for the outer row, the
rows of `queryset` as a JSON list of objects; `queryset` is filtered on OuterRef by the
caller. Works on SQLite (JSON_GROUP_ARRAY) and PostgreSQL (JSONB_AGG).
"""

from django.db.models import Aggregate, JSONField, Subquery
from django.db.models.functions import JSONObject


class JSONList(Aggregate):
    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def json_rows(queryset, group_by, **fields):
    """The rows of `queryset` (grouped on `group_by`) as a list of {name: value} objects."""
    rows = (
        queryset.order_by()
        .values(group_by)
        .annotate(rows=JSONList(JSONObject(**fields)))
        .values("rows")
    )
    return Subquery(rows, output_field=JSONField())


def rows_of(value):
    """A json_rows() value as a list (NULL when the subquery found nothing)."""
    return value or []
