"""One-click actions on an account from the class list: a new password shown once on
its card, switching the account off or back on. Members of staff are out of reach."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from classrooms.models import Membership
from classrooms.permissions import school_of
from pages import french
from pages.permissions import can_direct_school

from .. import services
from ..permissions import (
    account_of_classroom_or_404,
    managed_classroom_or_404,
    manages_every_class_of_children,
    parent_within_reach_or_404,
)
from .shared import post_only, single_card


def _refuse_protected(request, account):
    messages.error(
        request,
        _(
            "%(name)s is also a member of staff: this account cannot be changed from a class "
            "list. Ask the portal administrator."
        )
        % {"name": account.get_full_name()},
    )


@login_required
def reset_password(request, classroom_id, user_id):
    """One click: a new password for a pupil or parent, shown once on their card."""
    classroom = managed_classroom_or_404(request.user, classroom_id)
    account, is_parent = account_of_classroom_or_404(classroom, user_id)
    if refused := post_only(request):
        return refused
    if is_parent:
        # The roster offers no button for such a parent: only a forged request gets here.
        parent_within_reach_or_404(request.user, account)
    roster_url = reverse("enrolment:roster", kwargs={"classroom_id": classroom.pk})
    if services.is_protected(account):
        _refuse_protected(request, account)
        return redirect(roster_url)
    password = services.give_new_passwords([account], adult=is_parent)[account.pk]
    if not account.is_active:
        messages.info(
            request,
            _("This account is switched off: switch it back on so that the card works."),
        )
    messages.success(
        request,
        _(
            "New password for %(name)s: the old one no longer works. It is shown only on this "
            "page: print the card or copy it now."
        )
        % {"name": account.get_full_name()},
    )
    if is_parent:
        children = Membership.objects.filter(
            classroom=classroom, role=Membership.Role.PUPIL, user__guardians__parent=account
        ).select_related("user")
        role = french.fill(
            _("Parent of %(children)s"),
            children=", ".join(m.user.display_name for m in children),
        )
    else:
        role = _("Pupil")
    return single_card(
        request,
        school_of(classroom),
        classroom,
        account,
        password,
        role,
        title=_("New password for %(name)s") % {"name": account.get_full_name()},
        back_url=roster_url,
        pupil=not is_parent,
    )


def _set_active(request, classroom_id, user_id, active):
    classroom = managed_classroom_or_404(request.user, classroom_id)
    account, is_parent = account_of_classroom_or_404(classroom, user_id)
    if refused := post_only(request):
        return refused
    roster_url = reverse("enrolment:roster", kwargs={"classroom_id": classroom.pk})
    if services.is_protected(account):
        _refuse_protected(request, account)
    elif is_parent and not manages_every_class_of_children(request.user, account):
        if can_direct_school(request.user, school_of(classroom)):
            refusal = _(
                "%(name)s also follows a child in another school: ask the portal "
                "administrator to switch this account off."
            )
        else:
            refusal = _(
                "%(name)s also follows a child in a class you do not manage: ask the director "
                "to switch this account off."
            )
        messages.error(request, refusal % {"name": account.get_full_name()})
    else:
        account.is_active = active
        account.save(update_fields=["is_active"])
        if active:
            message = _("%(name)s can log in again.")
        else:
            message = _("%(name)s can no longer log in. You can switch the account back on.")
        messages.success(request, message % {"name": account.get_full_name()})
    return redirect(roster_url)


@login_required
def deactivate(request, classroom_id, user_id):
    return _set_active(request, classroom_id, user_id, active=False)


@login_required
def reactivate(request, classroom_id, user_id):
    return _set_active(request, classroom_id, user_id, active=True)
