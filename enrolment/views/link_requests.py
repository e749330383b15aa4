"""Links to confirm, for the holder of an existing account: the pupils whose parent a
school thinks this person is, and their yes or no."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from classrooms.models import Membership

from .. import services
from ..models import ParentLinkRequest
from .shared import post_only


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
    if refused := post_only(request):
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
