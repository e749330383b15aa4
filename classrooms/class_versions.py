"""Which class's shared wall a change of the class's own rows replaces.

The wall's pages, cards and facts are shared by every reader of a class under the
class's version (classrooms/wall.py, performance/versions.py). Pages replace it
themselves (pages/versions.py); so do the rows the wall reads with them: who teaches the
class and which groups its pupils form (memberships, groups), an entry's authors and
topics. A change replaces the version of its own class only.
"""

from performance import versions


def _class_path(classroom_id) -> str:
    from .models import ClassroomPage

    return ClassroomPage.objects.filter(pk=classroom_id).values_list("path", flat=True).first()


def _class_of_page(page_id) -> list:
    """The page's own version, and its class's (its parent's path)."""
    from wagtail.models import Page

    from pages.versions import class_path_of

    path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    if not path:
        return []
    return [versions.page_scope(page_id), versions.class_scope(class_path_of(path))]


def class_changed(instance, **kwargs) -> tuple:
    """The class version (and entry version) a change of `instance` replaces."""
    from taggit.models import Tag

    from .models import BlogEntryPage, BlogEntryTag, Membership, PupilGroup

    if isinstance(instance, (Membership, PupilGroup)):
        path = _class_path(instance.classroom_id)
        return (versions.class_scope(path),) if path else ()
    if isinstance(instance, BlogEntryTag):
        return tuple(_class_of_page(instance.content_object_id))
    if isinstance(instance, BlogEntryPage.authors.through):
        return tuple(_class_of_page(instance.blogentrypage_id))
    if isinstance(instance, Tag):
        entries = BlogEntryTag.objects.filter(tag_id=instance.pk).values_list(
            "content_object_id", flat=True
        )
        return tuple(scope for pk in entries for scope in _class_of_page(pk))
    return ()


def pupil_group_changed(instance, pk_set=None, model=None, **kwargs) -> tuple:
    """Pupils added to or removed from a group (the relation's instance is a group, or a
    pupil whose groups change: then each group of `pk_set`)."""
    from .models import PupilGroup

    if isinstance(instance, PupilGroup):
        return class_changed(instance)
    if model is PupilGroup:
        groups = PupilGroup.objects.filter(pk__in=pk_set or ()).values_list("classroom_id")
        return tuple(versions.class_scope(path) for (path,) in _paths_of(groups))
    return ()


def _paths_of(classroom_ids):
    from .models import ClassroomPage

    return ClassroomPage.objects.filter(pk__in=classroom_ids).values_list("path")


def class_models() -> tuple:
    from taggit.models import Tag

    from .models import BlogEntryPage, BlogEntryTag, Membership, PupilGroup

    return (Membership, PupilGroup, BlogEntryTag, BlogEntryPage.authors.through, Tag)


def group_relation_models() -> tuple:
    from .models import PupilGroup

    return (PupilGroup.pupils.through,)


def watch() -> None:
    """Called from ClassroomsConfig.ready()."""
    versions.watch(class_changed, class_models)
    versions.watch(pupil_group_changed, group_relation_models)
