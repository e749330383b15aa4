"""A personal iCalendar feed of due work, one address per pupil or parent.

Calendar apps cannot log in, so the address carries a token: an HMAC of the person's id
and password hash, made with the project's secret (like the class blog's feed,
classrooms/feeds.py). It needs no table and stops working when the person changes
password or is switched off. A pupil's feed holds the items for them in the classes they
belong to now; a parent's, those of each of their children, prefixed with the child's
first name. Wrong or stale tokens answer 404.
"""

import datetime

from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Todo

from classrooms.models import Guardianship, Membership

from .models import HomeworkItem
from .rules import for_pupil

FEED_SALT = "preau.homework.feed"
PAST_DAYS = 30  # done work stays a month in the calendar


def feed_token(user) -> str:
    value = f"{user.pk}:{user.password}"
    return salted_hmac(FEED_SALT, value, algorithm="sha256").hexdigest()[:40]


def feed_url(request, user) -> str:
    path = reverse("homework:feed", kwargs={"user_id": user.pk, "token": feed_token(user)})
    return request.build_absolute_uri(path)


def _items(pupil_id):
    """This pupil's items in the classes they belong to, from a month ago on."""
    since = timezone.localdate() - datetime.timedelta(days=PAST_DAYS)
    classes = Membership.objects.filter(user_id=pupil_id, role=Membership.Role.PUPIL).values(
        "classroom_id"
    )
    return (
        HomeworkItem.objects.filter(session__classroom__in=classes, due_date__gte=since)
        .filter(for_pupil(pupil_id))
        .select_related("session__classroom")
        .order_by("due_date", "pk")
    )


def calendar_for(person, request):
    calendar = Calendar()
    calendar.add("prodid", "-//Préau//Cahier de textes//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Homework"))
    people = [(person.pk, "")]
    if not Membership.objects.filter(user=person, role=Membership.Role.PUPIL).exists():
        people = [
            (row.child_id, row.child.first_name)
            for row in Guardianship.objects.filter(parent=person, child__is_active=True)
            .select_related("child")
            .order_by("child__first_name")
        ]
    host = request.get_host()
    stamp = timezone.now()
    for pupil_id, first_name in people:
        for item in _items(pupil_id):
            todo = Todo()
            todo.add("uid", f"homework-{item.pk}-{pupil_id}@{host}")
            todo.add("dtstamp", stamp)
            todo.add("dtstart", item.due_date)
            todo.add("due", item.due_date)
            summary = " ".join(item.text.split())[:120]
            todo.add("summary", f"{first_name} · {summary}" if first_name else summary)
            todo.add("description", f"{item.session.classroom.title} · {item.session.title}")
            calendar.add_component(todo)
    return calendar


@require_safe
def homework_feed(request, user_id, token):
    person = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if person is None or not constant_time_compare(token, feed_token(person)):
        raise Http404
    response = HttpResponse(calendar_for(person, request).to_ical(), content_type="text/calendar")
    response["Cache-Control"] = "private, no-store"
    return response
