"""The director's screens for a school: its classes year by year, a class's creation and
settings, and its teachers' accounts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from classrooms.models import Membership
from pages import french
from pages.permissions import schools_directed_by

from .. import services
from ..forms import ClassroomForm, TeacherForm
from ..permissions import directed_classroom_or_404, directed_school_or_404
from .shared import class_context, single_card


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
            # Each `preau_school_links` hook gives (url, label, icon) for this school and
            # person, or nothing: screens of apps above enrolment (retention's closed accounts).
            "school_links": [
                link
                for hook in hooks.get_hooks("preau_school_links")
                if (link := hook(school, request.user))
            ],
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
    context = class_context(request, classroom, school)
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
    return single_card(
        request,
        school,
        classroom,
        account.user,
        account.password,
        _("Teacher"),
        title=french.fill(_("Login card of %(name)s"), name=account.user.get_full_name()),
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
        return single_card(
            request,
            school,
            None,
            account.user,
            account.password,
            _("Teacher"),
            title=french.fill(_("Login card of %(name)s"), name=account.user.get_full_name()),
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
