"""Scheduled publishing: pages whose go-live date has come go live, expired ones go off.

Wagtail keeps the dates (a revision's `approved_go_live_at`, a page's `expire_at`) and
ships the command that acts on them, `publish_scheduled`; nothing runs it by itself.
Here it runs every minute: from the background worker (tasks.py re-enqueues itself when
the tasks backend defers, started once with `manage.py schedule_publishing`), or from
cron with the immediate backend (README "Scheduled publishing"). The command publishes
and unpublishes through Wagtail's own actions, which send `page_published` and
`page_unpublished`: the caches of public pages and the shared reads' versions are dropped
by the same receivers as a publication by hand (performance/signal_handlers.py).
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger(__name__)

# How often the worker looks for pages to publish: a go-live date is at most this late.
INTERVAL = timedelta(minutes=1)


def _scheduled_models():
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def publish_due() -> str:
    """Unpublish what expired and publish what is due, as Wagtail's `publish_scheduled`
    does with the same public calls, but one object at a time: a revision that can no
    longer go live (a class entry showing a child whose family has since said no:
    BlogEntryPage.clean refuses it) loses its go-live date and is logged, instead of
    stopping every later publication of the portal at each run. Returns a report."""
    now = timezone.now()
    unpublished = published = held = 0
    for model in _scheduled_models():
        for obj in list(model.objects.filter(live=True, expire_at__lt=now).order_by("expire_at")):
            obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
            unpublished += 1
    due = Revision.objects.filter(approved_go_live_at__lt=now).order_by("approved_go_live_at")
    for revision in due:
        try:
            with transaction.atomic():
                revision.publish(log_action="wagtail.publish.scheduled")
            published += 1
        except ValidationError as refusal:
            Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
            logger.warning(
                "Scheduled publication of %s (revision %s) refused and cancelled: %s",
                revision.object_str,
                revision.pk,
                "; ".join(refusal.messages),
            )
            held += 1
    return f"unpublished {unpublished}, published {published}, refused {held}"
