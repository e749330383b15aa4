"""Directors are told before their school's accounts are deleted.

`PREAU_DELETION_NOTICE_DAYS` before an account's day (14 by default), the daily task tells
the directors of its school: one notification per school and day ("12 comptes seront
supprimés le 3 octobre 2027"), linking to the list where they may reopen an account.
Each closed account is announced once (`ScheduledDeletion.notice_sent_at`), so a day the
task did not run is caught up the next, and running it twice tells nothing twice.
"""

from collections import Counter

from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from notifications import kinds
from notifications.services import notify
from pages.models import SchoolPage, SchoolStaff

from .models import ScheduledDeletion
from .purge import deletion_notice_day

ACCOUNT_TO_DELETE = "account_to_delete"
ACCOUNTS_TO_DELETE = "accounts_to_delete"


def register_kinds():
    """The directors' sentences, registered from RetentionConfig.ready()."""
    kinds.register_group(kinds.Group("accounts", _("Accounts")))
    kinds.register(
        kinds.Kind(
            ACCOUNT_TO_DELETE,
            _("1 account of %(school)s will be deleted on %(date)s."),
            email_subject=_("Accounts to be deleted"),
            group="accounts",
        )
    )
    kinds.register(
        kinds.Kind(
            ACCOUNTS_TO_DELETE,
            _("%(count)s accounts of %(school)s will be deleted on %(date)s."),
            email_subject=_("Accounts to be deleted"),
            group="accounts",
        )
    )


def _day(value):
    with translation.override(settings.LANGUAGE_CODE):
        return formats.date_format(value, "j F Y")


def warn_directors(now) -> int:
    """Tell the directors of the deletions coming within the notice; returns notices sent."""
    due = ScheduledDeletion.objects.filter(
        delete_on__lte=deletion_notice_day(now),
        notice_sent_at=None,
        school__isnull=False,
        user__is_superuser=False,
    )
    batches = Counter(due.values_list("school_id", "delete_on"))
    school_ids = {school_id for school_id, _when in batches}
    directors = {}
    for staff in SchoolStaff.objects.filter(
        school_id__in=school_ids, role=SchoolStaff.Role.DIRECTOR
    ).select_related("user"):
        directors.setdefault(staff.school_id, []).append(staff.user)
    titles = dict(SchoolPage.objects.filter(pk__in=school_ids).values_list("pk", "title"))
    sent = 0
    for (school_id, day), count in sorted(batches.items()):
        notify(
            directors.get(school_id, []),
            ACCOUNT_TO_DELETE if count == 1 else ACCOUNTS_TO_DELETE,
            url=reverse("retention:school_accounts", kwargs={"school_id": school_id}),
            count=count,
            school=titles.get(school_id, ""),
            date=_day(day),
        )
        sent += 1
    due.update(notice_sent_at=now)
    return sent
