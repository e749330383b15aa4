"""What the diary page shows to each person, in a number of queries that does not grow
with its sessions or items (tests/homework/test_queries.py):

- everyone of the class: the sessions of one week (what was done, files, links), so an
  absent pupil finds the materials;
- a pupil: "to do" for the coming days, and in each session the items that are theirs,
  with their tick;
- a parent: the same for each of their children in the class, with the child's tick;
- the class's staff: every item, its audience and who ticked it ("n of m").
"""

import datetime

from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone

from classrooms.models import class_pupils

from . import feeds, rules
from .models import HomeworkItem, ItemDone, Session

UPCOMING_DAYS = 14


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def week_asked(request):
    """The Monday of the week asked for in ?semaine=YYYY-MM-DD, this week otherwise."""
    today = timezone.localdate()
    try:
        day = datetime.date.fromisoformat(request.GET.get("semaine", "")[:10])
    except ValueError:
        day = today
    return monday_of(day)


def week_sessions(classroom, monday):
    return list(
        Session.objects.filter(
            classroom=classroom, date__range=(monday, monday + datetime.timedelta(days=6))
        )
        .select_related("author")
        .prefetch_related("files", Prefetch("links", to_attr="link_list"))
        .order_by("date", "pk")
    )


def items_for(pupil_id, queryset):
    """The items of `queryset` for this pupil, each with `done` (their tick)."""
    ticked = ItemDone.objects.filter(item=OuterRef("pk"), pupil_id=pupil_id)
    return (
        queryset.filter(rules.for_pupil(pupil_id))
        .annotate(done=Exists(ticked))
        .select_related("session")
        .order_by("due_date", "pk")
    )


def upcoming(classroom, pupil_id):
    today = timezone.localdate()
    return list(
        items_for(
            pupil_id,
            HomeworkItem.objects.filter(
                session__classroom=classroom,
                due_date__range=(today, today + datetime.timedelta(days=UPCOMING_DAYS)),
            ),
        )
    )


def _by_session(items):
    grouped = {}
    for item in items:
        grouped.setdefault(item.session_id, []).append(item)
    return grouped


def staff_items(classroom, sessions):
    """Every item of these sessions with its audience's size and who ticked it."""
    items = list(
        HomeworkItem.objects.filter(session__in=sessions)
        .select_related("group")
        .prefetch_related(
            Prefetch("group__pupils", to_attr="group_pupils"),
            Prefetch("pupils", to_attr="chosen"),
            Prefetch("dones", queryset=ItemDone.objects.select_related("pupil")),
        )
        .order_by("due_date", "pk")
    )
    if not items:
        return {}
    everyone = list(class_pupils(classroom))
    for item in items:
        if item.audience == "group":
            audience = item.group.group_pupils if item.group else []
        elif item.audience == "pupils":
            audience = item.chosen
        else:
            audience = everyone
        ticked = {done.pupil_id for done in item.dones.all()}
        item.audience_pupils = audience
        item.done_by = [pupil for pupil in audience if pupil.pk in ticked]
        item.not_done_by = [pupil for pupil in audience if pupil.pk not in ticked]
    return _by_session(items)


def diary_context(request, page):
    user = request.user
    classroom = page.get_classroom()
    monday = week_asked(request)
    sessions = week_sessions(classroom, monday)
    staff = rules.is_staff(user, classroom)
    pupil = rules.is_pupil_of(user, classroom)
    children = [] if pupil else rules.children_in(user, classroom)
    context = {
        "classroom": classroom,
        "sessions": sessions,
        "monday": monday,
        "sunday": monday + datetime.timedelta(days=6),
        "previous_week": monday - datetime.timedelta(days=7),
        "next_week": monday + datetime.timedelta(days=7),
        "this_week": monday_of(timezone.localdate()),
        "staff": staff,
        "may_write": rules.may_write(user, classroom),
        "is_pupil": pupil,
        "works_here": pupil and rules.works_here(user, classroom),
        "feed_url": feeds.feed_url(request, user) if (pupil or children) else "",
    }
    if context["may_write"]:
        context["new_url"] = reverse("homework:session_new", kwargs={"classroom_id": classroom.pk})
        context["copy_url"] = reverse("homework:copy", kwargs={"classroom_id": classroom.pk})
    if staff:
        by_session = staff_items(classroom, sessions)
    elif pupil:
        context["upcoming"] = upcoming(classroom, user.pk)
        by_session = _by_session(
            items_for(user.pk, HomeworkItem.objects.filter(session__in=sessions))
        )
    else:
        by_session = {}
        context["children"] = []
        for child in children:
            mine = _by_session(
                items_for(child.pk, HomeworkItem.objects.filter(session__in=sessions))
            )
            due = upcoming(classroom, child.pk)
            for item in due:
                item.child = child
            context["children"].append({"child": child, "upcoming": due})
            for session_id, items in mine.items():
                for item in items:
                    item.child = child
                by_session.setdefault(session_id, []).extend(items)
    for session in sessions:
        session.shown_items = by_session.get(session.pk, [])
    return context
