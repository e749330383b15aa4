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

import io
from datetime import timedelta

from django.core.management import call_command

# How often the worker looks for pages to publish: a go-live date is at most this late.
INTERVAL = timedelta(minutes=1)


def publish_due() -> str:
    """Publish what is due and unpublish what expired now; returns Wagtail's report."""
    report = io.StringIO()
    call_command("publish_scheduled", stdout=report)
    return report.getvalue()
