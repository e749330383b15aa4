"""What drops the public page cache: any change a public page could show.

Publishing is a staff decision and rare next to reading, so each one simply starts a new
cache generation (performance/page_cache.py). Pupils' drafts and revisions of private
class pages are saved all day long and never touch the cache. The generation is replaced
before such a change is written as well as after: when the cache does not take it, the
change is refused rather than left behind a kept page (performance/generations.py).
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import page_cache

UID = "preau-page-cache"


def public_content_changed(sender, instance=None, **kwargs):
    """A save or delete of any model, before and after: only public content drops the cache."""
    if issubclass(sender, public_models()):
        page_cache.invalidate()


@cache
def public_models():
    """The models whose rows public pages show, besides pages of the cached apps."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page, PageViewRestriction, Site

    cached_pages = tuple(
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model._meta.app_label in settings.PREAU_PAGE_CACHE_APPS
    )
    return (
        *cached_pages,
        PageViewRestriction,
        Site,
        BaseSiteSetting,
        BaseGenericSetting,
        AbstractImage,
        AbstractDocument,
    )


def page_removed(sender, instance=None, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        page_cache.invalidate()


def register():
    for signal in (page_published, page_unpublished, pre_page_move, post_page_move):
        signal.connect(page_cache.invalidate, dispatch_uid=f"{UID}-{id(signal)}")
    for signal in (pre_save, post_save, pre_delete, post_delete):
        signal.connect(public_content_changed, dispatch_uid=f"{UID}-{id(signal)}")
    for signal in (pre_delete, post_delete):
        signal.connect(page_removed, dispatch_uid=f"{UID}-page-{id(signal)}")
