"""A shared space's own pages: the list of a person's spaces, creating one, its classes
(invite, accept or decline, leave, order). Its content is its activity's (forum/,
newspaper/, stories/); the space's address leads there. Everyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Max, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from classrooms.models import ClassroomPage, Membership
from classrooms.person import person_of
from comments.partner_views import search_classes

from . import activities, notices, rules
from .access import number, standing_or_404
from .forms import SpaceForm
from .models import Adviser, SharedSpace, SpaceClass

SHOWN = 100


def _taught_classes(user) -> list:
    """(id, title) of the classes this person teaches: no query."""
    return sorted(
        (
            (place.page.pk, place.page.title)
            for place in person_of(user).memberships
            if place.role == Membership.Role.TEACHER
        ),
        key=lambda choice: choice[1],
    )


def _is_adviser(user) -> bool:
    return Adviser.objects.filter(user=user).exists()


def may_create(user) -> bool:
    return user.is_superuser or bool(_taught_classes(user)) or _is_adviser(user)


def my_spaces(user) -> list:
    """(space, SpaceClass row or None, how the person is in it) for the spaces this person
    finds in their list, newest first: two queries at most, none per space."""
    class_roles = rules.space_class_ids(user)
    shown = Q(created_by=user)
    readable = Q(classes__status=SpaceClass.Status.ACCEPTED)
    own = [pk for pk, role in class_roles.items() if role != "parent"]
    children = [pk for pk, role in class_roles.items() if role == "parent"]
    shown |= Q(classes__classroom_id__in=own) & (
        readable | Q(classes__status=SpaceClass.Status.INVITED)
    )
    shown |= Q(classes__classroom_id__in=children, parents_read=True) & readable
    spaces = list(SharedSpace.objects.filter(shown).distinct().order_by("-created_at")[:SHOWN])
    rows = {}
    for row in SpaceClass.objects.filter(
        space__in=spaces, classroom_id__in=list(class_roles)
    ).select_related("classroom"):
        rows.setdefault(row.space_id, []).append(row)
    listed = []
    for space in spaces:
        mine = rows.get(space.pk, [])
        invited = [
            row
            for row in mine
            if row.status == SpaceClass.Status.INVITED
            and class_roles.get(row.classroom_id) == Membership.Role.TEACHER
        ]
        member = [row for row in mine if row.status == SpaceClass.Status.ACCEPTED]
        if member or space.created_by_id == user.pk or invited:
            listed.append((space, member, invited, activities.get(space.activity)))
    return listed


@login_required
def index(request):
    return render(
        request,
        "sharedspaces/index.html",
        {"spaces": my_spaces(request.user), "may_create": may_create(request.user)},
    )


@login_required
def new_space(request):
    user = request.user
    if not may_create(user):
        raise Http404
    classes = _taught_classes(user)
    host_required = not (user.is_superuser or _is_adviser(user))
    form = SpaceForm(request.POST or None, classes=classes, host_required=host_required)
    if request.method == "POST" and form.is_valid():
        host = form.cleaned_data["host"]
        if host is not None and host not in dict(classes) and not user.is_superuser:
            raise Http404
        with transaction.atomic():
            space = form.save(commit=False)
            space.created_by = user
            space.save()
            if host is not None:
                SpaceClass.objects.create(
                    space=space,
                    classroom_id=host,
                    status=SpaceClass.Status.ACCEPTED,
                    invited_by=user,
                    answered_by=user,
                    answered_at=timezone.now(),
                )
        messages.success(
            request, _("The space is created. Now invite the classes that will share it.")
        )
        return redirect("sharedspaces:classes", space_id=space.pk)
    return render(request, "sharedspaces/new.html", {"form": form})


@login_required
def space(request, space_id):
    """The space's address: its activity's page for members, its classes for invitees."""
    standing = standing_or_404(request.user, space_id, invited=True)
    activity = activities.get(standing.space.activity)
    if standing.may_read and activity is not None:
        return redirect(activity.home_url(standing.space))
    return redirect("sharedspaces:classes", space_id=standing.space.pk)


@login_required
def classes(request, space_id):
    """Who shares the space; those who run it invite classes (search by class, school or
    town); invited teachers accept or decline; a class's teachers take it out."""
    standing = standing_or_404(request.user, space_id, invited=True)
    space = standing.space
    query = request.GET.get("q", "") if standing.may_manage else ""
    results = []
    if query:
        taken = {row.classroom_id for row in standing.classes}
        results = [
            found for found in search_classes(query, ClassroomPage(pk=0)) if found.pk not in taken
        ]
    school_titles = _school_titles([row.classroom for row in standing.classes])
    for row in standing.classes:
        row.school_title = school_titles.get(row.classroom.path[: -Page.steplen], "")
        row.may_answer = standing.may_answer_for(row)
    return render(
        request,
        "sharedspaces/classes.html",
        {
            "standing": standing,
            "space": space,
            "activity": activities.get(space.activity),
            "rows": [row for row in standing.classes if row.status != SpaceClass.Status.DECLINED],
            "declined": [
                row for row in standing.classes if row.status == SpaceClass.Status.DECLINED
            ],
            "query": query,
            "results": results,
        },
    )


def _school_titles(classrooms) -> dict:
    paths = {classroom.path[: -Page.steplen] for classroom in classrooms}
    return dict(Page.objects.filter(path__in=paths).values_list("path", "title"))


@login_required
@require_POST
def invite(request, space_id):
    standing = standing_or_404(request.user, space_id)
    if not standing.may_manage:
        raise Http404
    space = standing.space
    classroom = ClassroomPage.objects.filter(pk=number(request.POST.get("classroom"))).first()
    if classroom is None:
        raise Http404
    row, created = SpaceClass.objects.get_or_create(
        space=space,
        classroom=classroom,
        defaults={"invited_by": request.user, "position": _next_position(space)},
    )
    if not created and row.status in (SpaceClass.Status.DECLINED, SpaceClass.Status.LEFT):
        row.status = SpaceClass.Status.INVITED
        row.invited_by = request.user
        row.answered_by = None
        row.answered_at = None
        row.save()
    if row.status == SpaceClass.Status.INVITED:
        notices.tell_invited(space, classroom)
        messages.success(
            request,
            _("%(class)s is invited. Its teacher will accept or decline.")
            % {"class": classroom.title},
        )
    return redirect("sharedspaces:classes", space_id=space.pk)


def _next_position(space) -> int:
    highest = SpaceClass.objects.filter(space=space).aggregate(Max("position"))["position__max"]
    return (highest or 0) + 1


def _row_or_404(standing, row_id):
    row_id = number(row_id)
    for row in standing.classes:
        if row.pk == row_id:
            return row
    raise Http404


@login_required
@require_POST
def answer(request, space_id, row_id, action):
    """accept / decline (an invited class's teachers), leave (a member class's teachers,
    or those who run the space: "either side can leave")."""
    standing = standing_or_404(request.user, space_id, invited=True)
    row = _row_or_404(standing, row_id)
    space = standing.space
    if action in ("accept", "decline"):
        if row.status != SpaceClass.Status.INVITED or not standing.may_answer_for(row):
            raise Http404
        accepted = action == "accept"
        row.status = SpaceClass.Status.ACCEPTED if accepted else SpaceClass.Status.DECLINED
        row.answered_by = request.user
        row.answered_at = timezone.now()
        row.save()
        notices.tell_runners(
            space,
            standing,
            notices.ANSWERED,
            row.classroom,
            answer=_("accepted") if accepted else _("declined"),
        )
        if accepted:
            messages.success(
                request,
                _("%(class)s now shares “%(space)s”.")
                % {"class": row.classroom.title, "space": space.title},
            )
            return redirect("sharedspaces:space", space_id=space.pk)
        messages.success(request, _("The invitation is declined."))
        return redirect("sharedspaces:index")
    if action == "leave":
        if row.status not in (SpaceClass.Status.ACCEPTED, SpaceClass.Status.INVITED):
            raise Http404
        if not (standing.may_answer_for(row) or standing.may_manage):
            raise Http404
        row.status = SpaceClass.Status.LEFT
        row.answered_by = request.user
        row.answered_at = timezone.now()
        row.save()
        notices.tell_runners(space, standing, notices.LEFT, row.classroom)
        messages.success(
            request,
            _(
                "%(class)s no longer shares the space: its pupils lose access; what "
                "they wrote stays, signed with their first name."
            )
            % {"class": row.classroom.title},
        )
        if standing.may_manage and row.classroom_id not in standing.taught_class_ids:
            return redirect("sharedspaces:classes", space_id=space.pk)
        return redirect("sharedspaces:index")
    raise Http404


@login_required
@require_POST
def move(request, space_id, row_id, direction):
    """Those who run a space whose classes take turns put them in order (up or down)."""
    standing = standing_or_404(request.user, space_id)
    if not standing.may_manage or direction not in ("up", "down"):
        raise Http404
    row = _row_or_404(standing, row_id)
    ordered = [other for other in standing.classes if other.status != SpaceClass.Status.DECLINED]
    index = ordered.index(row) if row in ordered else -1
    other = index + (-1 if direction == "up" else 1)
    if index < 0 or not 0 <= other < len(ordered):
        return redirect("sharedspaces:classes", space_id=standing.space.pk)
    with transaction.atomic():
        for position, each in enumerate(ordered, start=1):
            each.position = position
        ordered[index].position, ordered[other].position = (
            ordered[other].position,
            ordered[index].position,
        )
        SpaceClass.objects.bulk_update(ordered, ["position"])
    return redirect("sharedspaces:classes", space_id=standing.space.pk)
