"""What a revision of a page written in bulk stores, computed without a query per page."""

from modelcluster.models import (
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_serializable_data_for_fields,
)

from classrooms.models import BlogEntryPage


def revision_content(page, tag_rows=None):
    """What `save_revision()` stores (`page.serializable_data()`), without its queries.

    The page's relations (authors, topics, assigned groups...) are those written in bulk
    just before, or none: asking the database for each page's would double the time.
    """
    content = get_serializable_data_for_fields(page)
    for relation in get_all_child_relations(page):
        content[relation.get_accessor_name()] = []
    for field in get_all_child_m2m_relations(page):
        if field.serialize:
            content[field.name] = []
    if isinstance(page, BlogEntryPage):
        content["authors"] = list(page.author_ids)
        content["tagged_items"] = [
            {"pk": row.pk, "tag": row.tag_id, "content_object": page.pk}
            for row in (tag_rows or {}).get(page.pk, [])
        ]
    return content
