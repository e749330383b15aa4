"""Enrolment pages: a school's classes and teachers, a class's pupils and parents, the
ONDE import, login cards.

Directors reach the school pages, teachers and directors the class pages; everyone else
gets 404 and anonymous visitors the login page. Every change is a POST. A password is
only ever shown in the response of the POST that chose it, and such responses are never
cached.
"""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from classrooms.models import Guardianship, Membership
from classrooms.permissions import can_manage_classroom, school_of
from pages.permissions import can_direct_school, schools_directed_by

from . import importer, services
from .cards import CardSheet, login_url, make_card
from .forms import ClassroomForm, ImportForm, ParentForm, PupilForm, TeacherForm
from .models import ParentLinkRequest
from .onde import ParentRow, PupilRow
from .permissions import (
    account_of_classroom_or_404,
    directed_classroom_or_404,
    directed_school_or_404,
    managed_classroom_or_404,
    manages_every_class_of_children,
    parent_within_reach_or_404,
    parents_out_of_reach,
    pupil_of_classroom_or_404,
)
from .uploads import CappedMemoryUploadHandler

# One pending import per session: the rows read from the files, between preview and apply.
IMPORT_SESSION_KEY = "enrolment_import"
# Digests of the imports applied in this session, so a second click says so plainly.
APPLIED_SESSION_KEY = "enrolment_imports_applied"


def _post_only(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def _class_context(request, classroom, school=None):
    school = school or school_of(classroom)
    return {
        "school": school,
        "classroom": classroom,
        "can_direct": can_direct_school(request.user, school),
    }


def _render_cards(request, sheets, *, title, intro="", back_url, status=200):
    """The printable login cards, straight in the response of the POST that made them."""
    response = render(
        request,
        "enrolment/cards.html",
        {"sheets": sheets, "title": title, "intro": intro, "back_url": back_url},
        status=status,
    )
    # Passwords must not stay in the browser's cache or a proxy's.
    add_never_cache_headers(response)
    return response


def _single_card(request, school, classroom, user, password, role, *, title, back_url):
    card = make_card(request, user, password, role)
    return _render_cards(
        request, [CardSheet(school, classroom, [card])], title=title, back_url=back_url
    )


# --- School ------------------------------------------------------------------------------


@login_required
def index(request):
    """Where "manage my school" leads: the director's school, or the list of theirs."""
    schools = list(schools_directed_by(request.user).order_by("title"))
    if not schools:
        raise Http404
    if len(schools) == 1:
        return redirect("enrolment:school", school_id=schools[0].pk)
    return render(request, "enrolment/index.html", {"schools": schools})


@login_required
def school_home(request, school_id):
    """The director's page: the school's classes, year by year, with their pupils."""
    school = directed_school_or_404(request.user, school_id)
    classrooms = (
        services.school_classrooms(school)
        .annotate(
            pupil_count=Count("memberships", filter=Q(memberships__role=Membership.Role.PUPIL))
        )
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(role=Membership.Role.TEACHER)
                .select_related("user")
                .order_by("user__last_name"),
                to_attr="teacher_memberships",
            )
        )
        .order_by("-school_year", "title")
    )
    years = {}
    for classroom in classrooms:
        years.setdefault(classroom.school_year, []).append(classroom)
    return render(
        request,
        "enrolment/school.html",
        {
            "school": school,
            "years": list(years.items()),
            "current_year": services.current_school_year(),
        },
    )


@login_required
def class_create(request, school_id):
    school = directed_school_or_404(request.user, school_id)
    form = ClassroomForm(
        request.POST if request.method == "POST" else None,
        school=school,
        initial={"school_year": services.current_school_year()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            classroom = services.create_classroom(
                school,
                title=data["title"].strip(),
                school_year=data["school_year"],
                level=data["level"],
                user=request.user,
            )
            account = _assign_teachers(form, classroom, school)
        messages.success(
            request, _("The class “%(title)s” is created.") % {"title": classroom.title}
        )
        return _teacher_created(request, school, classroom, account)
    return render(
        request,
        "enrolment/class_form.html",
        {"school": school, "form": form, "can_direct": True},
    )


def _assign_teachers(form, classroom, school):
    """The ticked teachers, plus the new teacher account the form asks for, if any.

    Returns the new teacher's account (with its one-time password) or None."""
    teachers = list(form.cleaned_data["teachers"])
    account = None
    if new_teacher := form.new_teacher():
        first, last, email = new_teacher
        account = services.add_teacher(school, first_name=first, last_name=last, email=email)
        teachers.append(account.user)
    services.set_teachers(classroom, teachers, school)
    return account


@login_required
def class_edit(request, classroom_id):
    """Rename a class, change its level, choose its teachers: the director's decisions."""
    classroom, school = directed_classroom_or_404(request.user, classroom_id)
    form = ClassroomForm(
        request.POST if request.method == "POST" else None,
        school=school,
        classroom=classroom,
        initial={
            "title": classroom.title,
            "school_year": classroom.school_year,
            "level": classroom.level,
            "teachers": [
                m.user_id for m in classroom.memberships.filter(role=Membership.Role.TEACHER)
            ],
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            if (data["title"].strip(), data["level"]) != (classroom.title, classroom.level):
                classroom.title = classroom.draft_title = data["title"].strip()
                classroom.level = data["level"]
                classroom.save_revision(user=request.user).publish(user=request.user)
            account = _assign_teachers(form, classroom, school)
        messages.success(request, _("The class is saved."))
        return _teacher_created(request, school, classroom, account)
    context = _class_context(request, classroom, school)
    context["form"] = form
    return render(request, "enrolment/class_form.html", context)


def _teacher_created(request, school, classroom, account):
    """After a class form: the new teacher's card if one was created, else the roster."""
    roster_url = reverse("enrolment:roster", kwargs={"classroom_id": classroom.pk})
    if account is None:
        return redirect(roster_url)
    if account.password is None:
        messages.info(
            request,
            _("%(name)s already had an account with this e-mail address: they can log in with it.")
            % {"name": account.user.get_full_name()},
        )
        return redirect(roster_url)
    return _single_card(
        request,
        school,
        classroom,
        account.user,
        account.password,
        _("Teacher"),
        title=_("Login card of %(name)s") % {"name": account.user.get_full_name()},
        back_url=roster_url,
    )


@login_required
def staff(request, school_id):
    """The school's teachers, and a form to give a new teacher an account."""
    school = directed_school_or_404(request.user, school_id)
    form = TeacherForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        account = services.add_teacher(
            school,
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            email=data["email"],
        )
        back_url = reverse("enrolment:staff", kwargs={"school_id": school.pk})
        if account.password is None:
            messages.info(
                request,
                _(
                    "%(name)s already had an account with this e-mail address: they are now a "
                    "teacher of the school and log in as before."
                )
                % {"name": account.user.get_full_name()},
            )
            return redirect(back_url)
        messages.success(request, _("The teacher’s account is created."))
        return _single_card(
            request,
            school,
            None,
            account.user,
            account.password,
            _("Teacher"),
            title=_("Login card of %(name)s") % {"name": account.user.get_full_name()},
            back_url=back_url,
        )
    teachers = services.school_teachers(school).prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.filter(
                role=Membership.Role.TEACHER,
                classroom__in=services.school_classrooms(school),
            )
            .select_related("classroom")
            .order_by("-classroom__school_year", "classroom__title"),
            to_attr="teaching",
        )
    )
    return render(
        request,
        "enrolment/staff.html",
        {"school": school, "teachers": teachers, "form": form, "can_direct": True},
    )


# --- Class -------------------------------------------------------------------------------


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
    for membership in pupils:
        # Pupils enrolled before this app (or by the demo) have no record.
        membership.record = getattr(membership.user, "pupil_record", None)
        membership.waiting = waiting.get(membership.user_id, [])
    parents = [link.parent for m in pupils for link in m.user.family]
    protected = services.protected_ids(parents)
    out_of_reach = parents_out_of_reach(request.user, parents)
    teachers = [
        m.user
        for m in classroom.memberships.filter(role=Membership.Role.TEACHER).select_related("user")
    ]
    context = _class_context(request, classroom)
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
            )
            messages.success(
                request,
                _(
                    "%(name)s is in the class. Print the card below now: the password is "
                    "shown only once."
                )
                % {"name": account.user.get_full_name()},
            )
            return _single_card(
                request,
                school,
                classroom,
                account.user,
                account.password,
                _("Pupil"),
                title=_("Login card of %(name)s") % {"name": account.user.display_name},
                back_url=roster_url,
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
    context = _class_context(request, classroom, school)
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
                _(
                    "Someone already has a Préau account with this e-mail address. We asked "
                    "them to confirm that they are a parent of %(child)s: their account follows "
                    "the class once they accept. The class list shows the request until then."
                )
                % names,
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
        return _single_card(
            request,
            school,
            classroom,
            added.user,
            added.password,
            _("Parent of %(children)s") % {"children": child.display_name},
            title=_("Login card of %(name)s") % {"name": added.user.get_full_name()},
            back_url=roster_url,
        )
    context = _class_context(request, classroom, school)
    context.update({"form": form, "child": child})
    return render(request, "enrolment/parent_form.html", context)


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
    if refused := _post_only(request):
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
        role = _("Parent of %(children)s") % {
            "children": ", ".join(m.user.display_name for m in children)
        }
    else:
        role = _("Pupil")
    return _single_card(
        request,
        school_of(classroom),
        classroom,
        account,
        password,
        role,
        title=_("New password for %(name)s") % {"name": account.get_full_name()},
        back_url=roster_url,
    )


def _set_active(request, classroom_id, user_id, active):
    classroom = managed_classroom_or_404(request.user, classroom_id)
    account, is_parent = account_of_classroom_or_404(classroom, user_id)
    if refused := _post_only(request):
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
        login_cards = []
        for user in selected:
            if kind == "parents":
                role = _("Parent of %(children)s") % {
                    "children": ", ".join(child.display_name for child in user.children_here)
                }
            else:
                role = _("Pupil")
            login_cards.append(make_card(request, user, passwords[user.pk], role))
        title = (
            _("Parents’ login cards · %(class)s")
            if kind == "parents"
            else _("Pupils’ login cards · %(class)s")
        ) % {"class": classroom.title}
        return _render_cards(
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
    context = _class_context(request, classroom)
    context.update({"pupils": pupils, "parents": parents})
    return render(request, "enrolment/cards_choose.html", context)


# --- Links to confirm, for the holder of an existing account -------------------------------


@login_required
def link_requests(request):
    """The pupils whose parent a school thinks this person is: they say yes or no.

    Reached from the notification (and its e-mail). Only the holder's own requests are
    listed; a pupil is named by first name and initial, with the school and class.
    """
    links = list(
        ParentLinkRequest.objects.filter(
            parent=request.user, status=ParentLinkRequest.Status.PENDING
        )
        .select_related("child", "school")
        .order_by("created_at")
    )
    rooms = {}
    for membership in (
        Membership.objects.filter(
            user_id__in=[link.child_id for link in links], role=Membership.Role.PUPIL
        )
        .select_related("classroom")
        .order_by("-classroom__school_year")
    ):
        rooms.setdefault(membership.user_id, []).append(membership.classroom)
    for link in links:
        link.classrooms = [
            room for room in rooms.get(link.child_id, []) if room.path.startswith(link.school.path)
        ][:1]
    return render(request, "enrolment/link_requests.html", {"links": links})


@login_required
def answer_link_request(request, request_id):
    """Yes: the account follows the pupil. No: nothing is linked, the school is told."""
    if refused := _post_only(request):
        return refused
    link = (
        ParentLinkRequest.objects.filter(
            pk=request_id, parent=request.user, status=ParentLinkRequest.Status.PENDING
        )
        .select_related("parent", "child", "school", "requested_by")
        .first()
    )
    answer = request.POST.get("answer")
    if link is None or answer not in ("accept", "decline"):
        raise Http404
    names = {"child": link.child.display_name, "school": link.school.title}
    if answer == "accept":
        services.accept_link(link)
        messages.success(
            request,
            _("You now follow %(child)s: their class is in your spaces.") % names,
        )
    else:
        services.decline_link(link)
        messages.success(
            request,
            _("Thank you: your account is not linked to %(child)s, and %(school)s is told.")
            % names,
        )
    return redirect("enrolment:link_requests")


# --- ONDE import -------------------------------------------------------------------------


@csrf_exempt  # checked below, once the upload handlers are in place
@login_required
def school_import(request, school_id):
    school = directed_school_or_404(request.user, school_id)
    return _import_upload(request, school, None)


@csrf_exempt  # checked below, once the upload handlers are in place
@login_required
def class_import(request, classroom_id):
    classroom = managed_classroom_or_404(request.user, classroom_id)
    return _import_upload(request, school_of(classroom), classroom)


def _import_upload(request, school, classroom):
    # Upload handlers can only be swapped before anything reads the request body, which
    # is why CSRF is checked here rather than by the middleware.
    request.upload_handlers = [CappedMemoryUploadHandler(request)]
    return csrf_protect(_import_preview)(request, school, classroom)


def _scope_context(request, school, classroom):
    if classroom is None:
        return {
            "school": school,
            "classroom": None,
            "can_direct": True,
            "apply_url": reverse("enrolment:import_apply", kwargs={"school_id": school.pk}),
            "upload_url": reverse("enrolment:import", kwargs={"school_id": school.pk}),
        }
    context = _class_context(request, classroom, school)
    context.update(
        {
            "apply_url": reverse(
                "enrolment:class_import_apply", kwargs={"classroom_id": classroom.pk}
            ),
            "upload_url": reverse("enrolment:class_import", kwargs={"classroom_id": classroom.pk}),
        }
    )
    return context


def _import_preview(request, school, classroom):
    """Upload the files; if they read well, show what importing would do."""
    context = _scope_context(request, school, classroom)
    if request.method != "POST":
        context["form"] = ImportForm(classroom=classroom)
        return render(request, "enrolment/import_form.html", context)
    form = ImportForm(request.POST, request.FILES, classroom=classroom)
    context["form"] = form
    if form.is_valid():
        year = classroom.school_year if classroom else form.cleaned_data["school_year"]
        label = form.cleaned_data.get("class_label", "").strip()
        try:
            plan = importer.build_plan(
                school,
                year,
                form.pupils,
                form.parents,
                classroom=classroom,
                class_label=label or None,
                link_existing=can_direct_school(request.user, school),
                user=request.user,
            )
        except importer.PlanError as error:
            form.add_error("class_label" if classroom else None, str(error))
        else:
            digest = hashlib.sha256()
            for part in (form.pupils_data, form.parents_data):
                digest.update(hashlib.sha256(part).digest())
            digest.update(f"{school.pk}|{classroom and classroom.pk}|{year}|{label}".encode())
            digest = digest.hexdigest()
            request.session[IMPORT_SESSION_KEY] = {
                "digest": digest,
                "school": school.pk,
                "classroom": classroom.pk if classroom else None,
                "year": year,
                "label": label,
                "pupils": [row.to_json() for row in form.pupils],
                "parents": [row.to_json() for row in form.parents],
            }
            context.update({"plan": plan, "totals": plan.totals, "digest": digest})
            return render(request, "enrolment/import_preview.html", context)
    return render(request, "enrolment/import_form.html", context)


@login_required
def school_import_apply(request, school_id):
    school = directed_school_or_404(request.user, school_id)
    return _import_apply(request, school, None)


@login_required
def class_import_apply(request, classroom_id):
    classroom = managed_classroom_or_404(request.user, classroom_id)
    return _import_apply(request, school_of(classroom), classroom)


def _import_apply(request, school, classroom):
    """Apply the previewed import, all or nothing, once."""
    if refused := _post_only(request):
        return refused
    context = _scope_context(request, school, classroom)
    digest = request.POST.get("digest", "")
    applied = request.session.get(APPLIED_SESSION_KEY, [])
    pending = request.session.get(IMPORT_SESSION_KEY)
    if digest and digest in applied:
        messages.info(request, _("This import was already applied: nothing was done twice."))
        return redirect(context["upload_url"])
    if (
        not pending
        or pending["digest"] != digest
        or pending["school"] != school.pk
        or pending["classroom"] != (classroom.pk if classroom else None)
    ):
        messages.error(
            request,
            _("This preview is out of date. Choose the files again to see a new preview."),
        )
        return redirect(context["upload_url"])
    pupils = [PupilRow.from_json(row) for row in pending["pupils"]]
    parents = [ParentRow.from_json(row) for row in pending["parents"]]
    try:
        result = importer.apply_plan(
            school,
            pending["year"],
            pupils,
            parents,
            user=request.user,
            classroom=classroom,
            class_label=pending["label"] or None,
            link_existing=can_direct_school(request.user, school),
        )
    except importer.PlanError as error:
        messages.error(request, str(error))
        return redirect(context["upload_url"])
    del request.session[IMPORT_SESSION_KEY]
    request.session[APPLIED_SESSION_KEY] = [*applied[-9:], digest]
    context.update(
        {
            "result": result,
            "totals": result.totals,
            "new_accounts": [
                (room, accounts)
                for room, accounts in result.new_accounts.items()
                if accounts["pupils"] or accounts["parents"]
            ],
            "new_classes": result.created_classes,
            "login_url": login_url(request),
        }
    )
    return render(request, "enrolment/import_done.html", context)
