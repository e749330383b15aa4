"""What the performance app listens to: public page changes that purge the caches of
public pages (public_purge.py), and every change a shared read's version depends on
(versions.py). Connected once, from PerformanceConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import public_purge, versions

PURGE_UID = "preau-public-purge"


def register():
    for signal in (page_published, page_unpublished):
        signal.connect(public_purge.page_changed, dispatch_uid=f"{PURGE_UID}-{id(signal)}")
    for signal in (pre_page_move, post_page_move):
        signal.connect(public_purge.page_moving, dispatch_uid=f"{PURGE_UID}-{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(
            public_purge.restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"{PURGE_UID}-{id(signal)}",
        )
    versions.connect()
