"""Bulk inserts that keep the rows the ORM would have written: MTI models and Wagtail pages.

`bulk_create` refuses models with multi-table inheritance (every Wagtail page, every
django-comments-xtd comment). `insert()` writes such objects table by table, from the
root model down: the root rows first (their ids come back from the database), then each
child table's own columns with the parent link set. Batches stay at or below 500 rows,
and under SQLite's limit on query parameters.

`PageInserter` places new pages below a parent exactly where treebeard would
(`path`, `depth`, the parent's `numchild`), with the fields `Page.save()` fills itself:
`url_path`, `draft_title`, `locale`, a unique `translation_key`, the content type;
`insert_pages()` writes them. `add_revisions()` gives each page the revision an editor's
save would have left, so the admin, the class editor and exercise attempts find a latest
(and live) revision.

No signal is sent: the callers insert the rows that the signal handlers would have
written (role groups of users, for instance) themselves.
"""

import uuid
from itertools import pairwise

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from wagtail.models import Page, Revision

BATCH_SIZE = 500


def batches(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _batch_size(using, fields, objs):
    """At most BATCH_SIZE rows, and within the database's limit of parameters per query."""
    allowed = connections[using].ops.bulk_batch_size(fields, objs)
    return max(1, min(BATCH_SIZE, allowed))


def _insertable(model):
    """A model's own columns, without a database-generated primary key."""
    return [
        field
        for field in model._meta.local_concrete_fields
        if not (field.primary_key and field.db_returning)
    ]


def _insert_rows(model, batch, fields, *, using, raw, returning=False):
    """One INSERT of a batch of a model's own columns; the new ids if asked.

    Through the ORM's `_insert`, except for tables with JSON (revisions, StreamFields,
    answers): on PostgreSQL the ORM sends a batch as one array per column, whose quoting
    costs more than the insert itself for long JSON texts. Those go as plain
    `VALUES (...), (...)` rows, prepared as the ORM prepares them.
    """
    connection = connections[using]
    has_json = any(field.get_internal_type() == "JSONField" for field in fields)
    if not has_json or any(hasattr(field, "get_placeholder") for field in fields):
        rows = model._base_manager._insert(
            batch,
            fields=fields,
            returning_fields=model._meta.db_returning_fields if returning else None,
            using=using,
            raw=raw,
        )
        return [row[0] for row in rows] if returning else None
    quote = connection.ops.quote_name
    params = []
    for obj in batch:
        for field in fields:
            value = getattr(obj, field.attname) if raw else field.pre_save(obj, add=True)
            params.append(field.get_db_prep_save(value, connection=connection))
    placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(field.column) for field in fields)}) "
        f"VALUES {', '.join([placeholders] * len(batch))}"
    )
    if returning:
        sql += f" RETURNING {quote(model._meta.pk.column)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        if returning:
            # Rows come back in the order of the VALUES list (Django's bulk_create relies
            # on the same, on PostgreSQL and SQLite alike).
            return [row[0] for row in cursor.fetchall()]
    return None


def insert(model, objs, *, using="default", raw=False, with_ids=None):
    """Insert unsaved instances of `model` (with multi-table inheritance or not); set their pks.

    `raw=True` writes the values as set on the objects, skipping `auto_now(_add)`
    (to give attempts and comments their dates in the past). `with_ids(batch)` is called
    once the root rows of a batch have their ids, before the child tables are written
    (a comment's thread is its own id).
    """
    objs = list(objs)
    if not objs:
        return objs
    chain = [*reversed(model._meta.get_parent_list()), model]  # root first
    root = chain[0]
    root_fields = _insertable(root)
    pk_generated = root._meta.pk.db_returning
    size = min(
        [
            _batch_size(using, root_fields, objs),
            *[_batch_size(using, child._meta.local_concrete_fields, objs) for child in chain[1:]],
        ]
    )
    for batch in batches(objs, size):
        for obj in batch:
            # What Model.save() does first: fill in the ids of related objects set on it.
            obj._prepare_related_fields_for_save(operation_name="insert")
        ids = _insert_rows(root, batch, root_fields, returning=pk_generated, using=using, raw=raw)
        if pk_generated:
            for obj, pk in zip(batch, ids, strict=True):
                setattr(obj, root._meta.pk.attname, pk)
        if with_ids is not None:
            with_ids(batch)
        for parent, child in pairwise(chain):
            link = child._meta.get_ancestor_link(parent)
            for obj in batch:
                setattr(obj, link.attname, getattr(obj, parent._meta.pk.attname))
            _insert_rows(child, batch, child._meta.local_concrete_fields, using=using, raw=raw)
        for obj in batch:
            obj._state.adding = False
            obj._state.db = using
    return objs


def content_type(model):
    return ContentType.objects.get_for_model(model, for_concrete_model=False)


class PageInserter:
    """New children of one page, placed where treebeard would put them.

    `place(page)` each new page in the order it should come (after the existing
    children); then `insert_pages([inserter, ...])` writes the pages of several parents
    at once, and `add_revisions(pages)` gives them their revisions. Every placed page
    needs `title` and `slug` (unique among the parent's children: the caller's job);
    `live`, dates and `owner` are the caller's too.
    """

    def __init__(self, parent, *, using="default"):
        self.parent = parent
        self.using = using
        self.pages = []
        last = Page.objects.using(using).child_of(parent).order_by("-path").first()
        self.next_position = (Page._str2int(last.path[-Page.steplen :]) + 1) if last else 1
        self.existing = Page.objects.using(using).child_of(parent).count()

    def place(self, page, *, translation_key=None):
        depth = self.parent.depth + 1
        page.path = Page._get_path(self.parent.path, depth, self.next_position)
        self.next_position += 1
        page.depth = depth
        page.numchild = 0
        page.locale_id = self.parent.locale_id
        page.translation_key = translation_key or uuid.uuid4()
        page.draft_title = page.title
        page.url_path = f"{self.parent.url_path}{page.slug}/"
        page.content_type = content_type(type(page))
        page.has_unpublished_changes = not page.live
        self.pages.append(page)
        return page


def insert_pages(inserters, *, using="default"):
    """Write the placed pages of these parents (by page type) and count them in numchild."""
    by_model = {}
    for inserter in inserters:
        for page in inserter.pages:
            by_model.setdefault(type(page), []).append(page)
    for model, pages in by_model.items():
        insert(model, pages, using=using)
    for inserter in inserters:
        parent = inserter.parent
        parent.numchild = inserter.existing + len(inserter.pages)
        Page.objects.using(using).filter(pk=parent.pk).update(numchild=parent.numchild)
    return [page for inserter in inserters for page in inserter.pages]


def add_revisions(pages, *, content=None, using="default"):
    """One revision per page, as a save in the editor leaves it; live pages published it.

    `content(page)` gives the revision's content; by default the page's own
    `serializable_data()`, which is what `save_revision()` stores. The revision is dated
    `latest_revision_created_at` (or `first_published_at`) and signed by the owner.
    """
    page_type = content_type(Page)
    revisions = [
        Revision(
            content_type_id=page.content_type_id,
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=page.latest_revision_created_at or page.first_published_at,
            user_id=page.owner_id,
            object_str=page.title,
            content=content(page) if content else page.serializable_data(),
        )
        for page in pages
    ]
    insert(Revision, revisions, using=using)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = revision.pk
        if page.live:
            page.live_revision_id = revision.pk
    _set_revisions(pages, using)
    return revisions


def _set_revisions(pages, using):
    """Point pages at their revisions: one UPDATE ... FROM (VALUES ...) per batch.

    (PostgreSQL, and SQLite from 3.33, name the columns of a VALUES list column1, column2.)
    """
    connection = connections[using]
    table = connection.ops.quote_name(Page._meta.db_table)
    for batch in batches(pages, BATCH_SIZE):
        values = ", ".join(["(%s, %s)"] * len(batch))
        params = [value for page in batch for value in (page.pk, page.latest_revision_id)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET latest_revision_id = v.column2, "
                f"live_revision_id = CASE WHEN {table}.live THEN v.column2 ELSE NULL END "
                f"FROM (VALUES {values}) AS v WHERE {table}.id = v.column1",
                params,
            )


def add_to_search_index(pages, *, using="default"):
    """Index pages as the search signal handler would after a save (by page type)."""
    from wagtail.search.backends import get_search_backends
    from wagtail.search.index import class_is_indexed

    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, objs in by_model.items():
        if not class_is_indexed(model):
            continue
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objs)
