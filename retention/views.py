"""The director's list of the school's closed accounts, and reopening one.

Staff are told before deletions: the list says whose account was closed, why, and the
day it will be deleted. A director may reopen an account: at once when its holder has a
place again, or on their word (a family coming back after a move) otherwise.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from classrooms.models import Guardianship
from enrolment.permissions import directed_school_or_404
from pages import french

from .deactivation import reactivate
from .models import ScheduledDeletion
from .places import without_place


def closed_accounts(school):
    """The school's closed accounts, soonest deleted first, each with `has_place`."""
    rows = list(
        ScheduledDeletion.objects.filter(school=school, user__is_superuser=False).select_related(
            "user"
        )
    )
    users = [row.user for row in rows]
    placeless = (
        set(
            without_place(type(users[0]).objects.filter(pk__in=[u.pk for u in users])).values_list(
                "pk", flat=True
            )
        )
        if users
        else set()
    )
    children = {}
    for parent_id, child_name in Guardianship.objects.filter(
        parent_id__in=[u.pk for u in users]
    ).values_list("parent_id", "child__first_name"):
        children.setdefault(parent_id, []).append(child_name)
    for row in rows:
        row.has_place = row.user_id not in placeless
        row.children = children.get(row.user_id, [])
    return rows


@login_required
def school_accounts(request, school_id):
    school = directed_school_or_404(request.user, school_id)
    return render(
        request,
        "retention/school_accounts.html",
        {
            "school": school,
            "can_direct": True,
            "rows": closed_accounts(school),
            "deletion_days": settings.PREAU_ACCOUNT_DELETION_DAYS,
        },
    )


@login_required
def reopen_account(request, school_id, user_id):
    school = directed_school_or_404(request.user, school_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    row = next((row for row in closed_accounts(school) if row.user_id == user_id), None)
    if row is None:
        raise Http404
    name = row.user.get_full_name()
    if not row.has_place and request.POST.get("confirm") != "yes":
        messages.error(
            request,
            _(
                "%(name)s has no place in a class or a school any more: tick “This person "
                "comes back” to reopen the account all the same."
            )
            % {"name": name},
        )
        return redirect("retention:school_accounts", school_id=school.pk)
    reactivate(row.user)
    messages.success(
        request,
        french.fill(_("The account of %(name)s is open again: it will not be deleted."), name=name),
    )
    return redirect("retention:school_accounts", school_id=school.pk)
