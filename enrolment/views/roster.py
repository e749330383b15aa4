"""A class list and what adds to it: the pupils with their parents, a new pupil, a new
parent."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from classrooms.models import Guardianship, Membership
from classrooms.permissions import can_manage_classroom, school_of
from consents import answers
from consents.models import Audience, Medium
from pages import french
from pages.permissions import can_direct_school

from .. import services
from ..forms import ParentForm, PupilForm
from ..models import ParentLinkRequest
from ..permissions import managed_classroom_or_404, parents_out_of_reach, pupil_of_classroom_or_404
from .shared import class_context, single_card


def consent_tags(consent):
    """What the family allows, one short tag per medium, for the class list."""
    words = {
        (True, True): _("school and public"),
        (True, False): _("school only"),
    }
    tags = []
    for medium, label in Medium.choices:
        school = answers.allowed(consent, medium, Audience.SCHOOL)
        public = answers.allowed(consent, medium, Audience.PUBLIC)
        answer = words.get((school, public), _("no"))
        tags.append((_("%(medium)s: %(answer)s") % {"medium": label, "answer": answer}, school))
    return tags


@login_required
def roster(request, classroom_id):
    """The class list: pupils, their parents, and one-click actions on their accounts."""
    classroom = managed_classroom_or_404(request.user, classroom_id)
    pupils = list(
        Membership.objects.filter(classroom=classroom, role=Membership.Role.PUPIL)
        .select_related("user", "user__pupil_record")
        .prefetch_related(
            Prefetch(
                "user__guardians",
                queryset=Guardianship.objects.select_related("parent").order_by(
                    "parent__last_name", "parent__first_name"
                ),
                to_attr="family",
            )
        )
        .order_by("user__last_name", "user__first_name")
    )
    waiting = {}
    for link in ParentLinkRequest.objects.filter(
        child__in=[m.user for m in pupils], status=ParentLinkRequest.Status.PENDING
    ).select_related("parent"):
        waiting.setdefault(link.child_id, []).append(link)
    consents = answers.answers_of([m.user_id for m in pupils])
    for membership in pupils:
        # Pupils enrolled before this app (or by the demo) have no record.
        membership.record = getattr(membership.user, "pupil_record", None)
        membership.consents = consent_tags(consents[membership.user_id])
        membership.waiting = waiting.get(membership.user_id, [])
    parents = [link.parent for m in pupils for link in m.user.family]
    protected = services.protected_ids(parents)
    out_of_reach = parents_out_of_reach(request.user, parents)
    teachers = [
        m.user
        for m in classroom.memberships.filter(role=Membership.Role.TEACHER).select_related("user")
    ]
    context = class_context(request, classroom)
    context.update(
        {
            "pupils": pupils,
            "protected": protected,
            "out_of_reach": out_of_reach,
            "teachers": teachers,
        }
    )
    return render(request, "enrolment/roster.html", context)


@login_required
def pupil_add(request, classroom_id):
    classroom = managed_classroom_or_404(request.user, classroom_id)
    school = school_of(classroom)
    form = PupilForm(
        request.POST if request.method == "POST" else None, initial={"level": classroom.level}
    )
    roster_url = reverse("enrolment:roster", kwargs={"classroom_id": classroom.pk})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        first, last = data["first_name"].strip(), data["last_name"].strip()
        known = services.find_pupil(
            school, last_name=last, first_name=first, birth_date=data["birth_date"]
        )
        if known is None:
            account = services.enrol_pupil(
                school,
                classroom,
                first_name=first,
                last_name=last,
                birth_date=data["birth_date"],
                level=data["level"],
                photo_consent=data["photo_consent"],
                by=request.user,
            )
            messages.success(
                request,
                _(
                    "%(name)s is in the class. Print the card below now: the password is "
                    "shown only once."
                )
                % {"name": account.user.get_full_name()},
            )
            return single_card(
                request,
                school,
                classroom,
                account.user,
                account.password,
                _("Pupil"),
                title=french.fill(_("Login card of %(name)s"), name=account.user.display_name),
                back_url=roster_url,
                pupil=True,
            )
        current = services.pupil_membership_of_year(known.user, school, classroom.school_year)
        if current is not None and current.classroom_id == classroom.pk:
            form.add_error(None, _("This pupil is already in the class."))
        elif current is not None and not can_manage_classroom(request.user, current.classroom):
            form.add_error(
                None,
                _(
                    "This pupil is in the class “%(class)s” this year. Ask its teacher or the "
                    "director to move them."
                )
                % {"class": current.classroom.title},
            )
        else:
            services.place_pupil(known.user, classroom, school)
            messages.success(
                request,
                _(
                    "The school already knew %(name)s: they join this class with their "
                    "account and password."
                )
                % {"name": known.user.get_full_name()},
            )
            return redirect(roster_url)
    context = class_context(request, classroom, school)
    context["form"] = form
    return render(request, "enrolment/pupil_form.html", context)


@login_required
def parent_add(request, classroom_id, pupil_id):
    classroom = managed_classroom_or_404(request.user, classroom_id)
    child = pupil_of_classroom_or_404(classroom, pupil_id)
    school = school_of(classroom)
    can_direct = can_direct_school(request.user, school)
    form = ParentForm(request.POST if request.method == "POST" else None, can_direct=can_direct)
    roster_url = reverse("enrolment:roster", kwargs={"classroom_id": classroom.pk})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        added = services.add_parent(
            child,
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            email=data["email"],
            school=school,
            requested_by=request.user,
            ask_holder=can_direct,
        )
        names = {"parent": added.user.get_full_name(), "child": child.display_name}
        if added.already:
            messages.info(
                request,
                _("%(parent)s already follows %(child)s with this e-mail address: nothing changed.")
                % names,
            )
            return redirect(roster_url)
        if added.asked:
            messages.success(
                request,
                french.fill(
                    _(
                        "Someone already has a Préau account with this e-mail address. We "
                        "asked them to confirm that they are a parent of %(child)s: their "
                        "account follows the class once they accept. The class list shows "
                        "the request until then."
                    ),
                    **names,
                ),
            )
            return redirect(roster_url)
        if added.separate:
            messages.warning(
                request,
                _(
                    "Someone already has a Préau account with this e-mail address: it was not "
                    "linked to %(child)s, and %(parent)s gets an account of their own. If it is "
                    "the same person, the director can propose to link their existing account "
                    "instead; its holder will be asked to confirm."
                )
                % names,
            )
        messages.success(
            request,
            _(
                "%(parent)s now follows %(child)s. Print the card below now: the password is "
                "shown only once."
            )
            % names,
        )
        return single_card(
            request,
            school,
            classroom,
            added.user,
            added.password,
            french.fill(_("Parent of %(children)s"), children=child.display_name),
            title=french.fill(_("Login card of %(name)s"), name=added.user.get_full_name()),
            back_url=roster_url,
        )
    context = class_context(request, classroom, school)
    context.update({"form": form, "child": child})
    return render(request, "enrolment/parent_form.html", context)
