"""Partner classes: a teacher invites another class to read and comment on the blog.

The host class's teachers invite (finding a class by its title, school or town); the
invited class's teachers accept or decline; either side's teachers end it whenever they
like. Everyone else gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from classrooms.models import ClassroomPage
from classrooms.moderation import teaches_class_of
from classrooms.views import classroom_or_404
from notifications.services import notify
from pages.models import SchoolPage
from performance.versions import InvalidationFailed

from .models import Partnership
from .services import class_teachers

SEARCH_RESULTS = 20


def teacher_of_or_404(user, classroom_id):
    classroom = classroom_or_404(user, classroom_id)
    if not (user.is_superuser or teaches_class_of(user, classroom)):
        raise Http404
    return classroom


def search_classes(query, exclude):
    """Classes whose title, school or town matches, at most SEARCH_RESULTS, with their school."""
    query = query.strip()[:100]
    if len(query) < 2:
        return []
    schools = SchoolPage.objects.filter(Q(title__icontains=query) | Q(town__icontains=query))
    school_paths = list(schools.values_list("path", flat=True)[:SEARCH_RESULTS])
    in_schools = Q(title__icontains=query)
    for path in school_paths:
        in_schools |= Q(path__startswith=path)
    classes = list(
        ClassroomPage.objects.filter(in_schools)
        .exclude(pk=exclude.pk)
        .order_by("title")[:SEARCH_RESULTS]
    )
    parents = dict(
        Page.objects.filter(path__in={c.path[: -Page.steplen] for c in classes}).values_list(
            "path", "title"
        )
    )
    for classroom in classes:
        classroom.school_title = parents.get(classroom.path[: -Page.steplen], "")
    return classes


@login_required
def partners(request, classroom_id):
    classroom = teacher_of_or_404(request.user, classroom_id)
    if request.method == "POST":
        guest = get_object_or_404(ClassroomPage, pk=request.POST.get("guest") or 0)
        if guest.pk == classroom.pk:
            raise Http404
        partnership, created = Partnership.objects.get_or_create(
            host=classroom, guest=guest, defaults={"invited_by": request.user}
        )
        if not created and partnership.status in (
            Partnership.Status.ENDED,
            Partnership.Status.DECLINED,
        ):
            partnership.status = Partnership.Status.INVITED
            partnership.invited_by = request.user
            partnership.save()
        if partnership.status == Partnership.Status.INVITED:
            notify(
                class_teachers(guest.path),
                "partnership_invitation",
                url=_partners_url(guest),
                host=classroom.title,
                guest=guest.title,
            )
        messages.success(
            request,
            _("%(class)s is invited. Its teacher will accept or decline.") % {"class": guest.title},
        )
        return redirect("comments:partners", classroom_id=classroom.pk)
    hosted = (
        Partnership.objects.filter(host=classroom)
        .exclude(status=Partnership.Status.ENDED)
        .select_related("guest")
    )
    received = (
        Partnership.objects.filter(guest=classroom)
        .exclude(status=Partnership.Status.ENDED)
        .select_related("host")
    )
    query = request.GET.get("q", "")
    return render(
        request,
        "comments/partners.html",
        {
            "classroom": classroom,
            "hosted": list(hosted),
            "received": list(received),
            "query": query,
            "results": search_classes(query, classroom),
        },
    )


def _partners_url(classroom):
    from django.urls import reverse

    return reverse("comments:partners", kwargs={"classroom_id": classroom.pk})


def _saved(request, partnership) -> bool:
    """Save an answer or an end together with its invalidation, or say it was not saved.

    Ending a partnership must close the guest class's access at once: when the cache does
    not take the invalidation, nothing is saved (performance/versions.py) and the
    teacher is asked to try again, rather than left with an error page and access open.
    """
    try:
        with transaction.atomic():
            partnership.save()
    except InvalidationFailed:
        messages.error(
            request,
            _(
                "Nothing was changed: the server could not record it just now. "
                "Please try again in a few minutes."
            ),
        )
        return False
    return True


@login_required
@require_POST
def answer(request, partnership_id, action):
    partnership = get_object_or_404(
        Partnership.objects.select_related("host", "guest"), pk=partnership_id
    )
    user = request.user
    host_side = user.is_superuser or teaches_class_of(user, partnership.host)
    guest_side = user.is_superuser or teaches_class_of(user, partnership.guest)
    if action in ("accept", "decline") and guest_side:
        if partnership.status != Partnership.Status.INVITED:
            raise Http404
        accepted = action == "accept"
        partnership.status = (
            Partnership.Status.ACCEPTED if accepted else Partnership.Status.DECLINED
        )
        partnership.answered_by = user
        if not _saved(request, partnership):
            return redirect("comments:partners", classroom_id=partnership.guest_id)
        notify(
            class_teachers(partnership.host.path),
            "partnership_accepted" if accepted else "partnership_declined",
            url=_partners_url(partnership.host),
            host=partnership.host.title,
            guest=partnership.guest.title,
        )
        messages.success(
            request,
            _("Your class can now read and comment on the blog of %(class)s.")
            % {"class": partnership.host.title}
            if accepted
            else _("The invitation is declined."),
        )
        back = partnership.guest
    elif action == "end" and (host_side or guest_side):
        partnership.status = Partnership.Status.ENDED
        back = partnership.host if host_side else partnership.guest
        if _saved(request, partnership):
            messages.success(request, _("The partnership is ended."))
    else:
        raise Http404
    return redirect("comments:partners", classroom_id=back.pk)
