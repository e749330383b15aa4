"""Granting Wagtail admin rights to a role group: page subtrees and media collections.

Staff roles (directors, teachers, municipal agents) edit in the Wagtail admin; these
helpers give a group exactly the subtree and the collection of its own site or class.
Pupils' and parents' groups never get any of them.
"""

from django.contrib.auth.models import Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# Drafting without publishing: what goes live is decided by someone with publish_page.
AUTHOR_PAGE_PERMISSIONS = ("add_page", "change_page")
EDITOR_MEDIA_PERMISSIONS = (
    ("wagtailimages", ("add_image", "change_image", "choose_image")),
    ("wagtaildocs", ("add_document", "change_document", "choose_document")),
    ("wagtailmedia", ("add_media", "change_media", "choose_media")),
)
# Uploading and choosing images, without changing or deleting other people's.
CONTRIBUTOR_MEDIA_PERMISSIONS = (("wagtailimages", ("add_image", "choose_image")),)


def grant_admin_access(group) -> None:
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )


def grant_translation(group) -> None:
    """wagtail-localize's "translate this page" (its own global permission)."""
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        )
    )


def grant_page_subtree(group, page, codenames=EDITOR_PAGE_PERMISSIONS) -> None:
    grant_page_subtrees(group, [page], codenames)


def grant_page_subtrees(group, pages, codenames=EDITOR_PAGE_PERMISSIONS) -> None:
    permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page=page, permission=permission)
            for page in pages
            for permission in permissions
        ],
        ignore_conflicts=True,
    )


def set_page_subtrees(group, pages, codenames=EDITOR_PAGE_PERMISSIONS) -> None:
    """Give the group exactly these subtrees: rights on any other page are taken back.

    For groups whose pages come and go (the news sections of a school), so that a
    section moved elsewhere does not keep its old school's authors.
    """
    pages = list(pages)
    GroupPagePermission.objects.filter(group=group).exclude(
        page_id__in=[page.pk for page in pages]
    ).delete()
    grant_page_subtrees(group, pages, codenames)


def grant_collection(group, collection, media_permissions=EDITOR_MEDIA_PERMISSIONS) -> None:
    if collection is None:
        return
    rows = []
    for app_label, codenames in media_permissions:
        permissions = Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )
        rows += [
            GroupCollectionPermission(group=group, collection=collection, permission=p)
            for p in permissions
        ]
    GroupCollectionPermission.objects.bulk_create(rows, ignore_conflicts=True)


def new_collection(name, parent=None):
    """A collection for one site or class, below `parent` (or the root)."""
    parent = parent or Collection.get_first_root_node()
    return parent.add_child(name=name[:255])
