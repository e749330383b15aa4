"""Printing login cards for a class: choose pupils or parents; printing gives each chosen
account a new password, shown only in that response."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from cardlogin import services as card_logins
from classrooms.models import Guardianship, Membership
from classrooms.permissions import school_of
from pages import french

from .. import services
from ..login_card_sheets import CardSheet, make_card
from ..permissions import managed_classroom_or_404, parents_out_of_reach
from .shared import class_context, render_cards


def _card_candidates(classroom, user):
    """Active pupils of the class, and the parents of its pupils with their children.

    Each parent says whether this user may print their card: not a member of staff, and
    no child in a class the user does not manage."""
    pupils = [
        m.user
        for m in Membership.objects.filter(
            classroom=classroom, role=Membership.Role.PUPIL, user__is_active=True
        )
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    ]
    links = (
        Guardianship.objects.filter(child__in=pupils, parent__is_active=True)
        .select_related("parent", "child")
        .order_by("parent__last_name", "parent__first_name", "child__first_name")
    )
    parents = {}
    for link in links:
        parent = parents.setdefault(link.parent.pk, link.parent)
        parent.children_here = [*getattr(parent, "children_here", []), link.child]
    parents = list(parents.values())
    protected = services.protected_ids(parents)
    out_of_reach = parents_out_of_reach(user, parents)
    for parent in parents:
        parent.protected = parent.pk in protected
        parent.out_of_reach = parent.pk in out_of_reach
    return pupils, parents


@login_required
def cards(request, classroom_id):
    """Choose whose cards to print; printing gives each chosen account a new password."""
    classroom = managed_classroom_or_404(request.user, classroom_id)
    pupils, parents = _card_candidates(classroom, request.user)
    if request.method == "POST":
        kind = request.POST.get("kind")
        chosen = set(request.POST.getlist("account"))
        if kind == "parents":
            selected = [p for p in parents if str(p.pk) in chosen and not p.protected]
            if any(p.out_of_reach for p in selected):
                # Their boxes cannot be ticked: only a forged request gets here.
                raise Http404
        else:
            kind = "pupils"
            selected = [p for p in pupils if str(p.pk) in chosen]
        if not selected:
            messages.error(request, _("Tick at least one person whose card you want to print."))
            return redirect("enrolment:cards", classroom_id=classroom.pk)
        school = school_of(classroom)
        passwords = services.give_new_passwords(selected, adult=kind == "parents")
        # Pupils' new cards log them in with their QR code; the previous cards stop.
        tokens = card_logins.issue_card_tokens(selected, request.user) if kind == "pupils" else {}
        login_cards = []
        for user in selected:
            if kind == "parents":
                role = french.fill(
                    _("Parent of %(children)s"),
                    children=", ".join(child.display_name for child in user.children_here),
                )
            else:
                role = _("Pupil")
            login_cards.append(
                make_card(request, user, passwords[user.pk], role, card_token=tokens.get(user.pk))
            )
        title = (
            _("Parents’ login cards · %(class)s")
            if kind == "parents"
            else _("Pupils’ login cards · %(class)s")
        ) % {"class": classroom.title}
        return render_cards(
            request,
            [CardSheet(school, classroom, login_cards)],
            title=title,
            intro=_(
                "These %(count)d accounts have new passwords: the old ones no longer work. "
                "The passwords are shown only on this page: print it now."
            )
            % {"count": len(login_cards)},
            back_url=reverse("enrolment:roster", kwargs={"classroom_id": classroom.pk}),
        )
    context = class_context(request, classroom)
    with_cards = card_logins.pupils_with_cards(pupils)
    with_pictures = card_logins.pupils_with_picture_passwords(pupils)
    for pupil in pupils:
        pupil.has_card = pupil.pk in with_cards
        pupil.has_pictures = pupil.pk in with_pictures
    context.update(
        {
            "pupils": pupils,
            "parents": parents,
            "has_tablet_link": card_logins.has_tablet_link(classroom),
        }
    )
    return render(request, "enrolment/cards_choose.html", context)
