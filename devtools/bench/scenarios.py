"""What the benchmark asks for, and as whom: the pages of the issue, with real sessions.

Runs inside the driver once Django is set up against the benchmark's database and Redis,
so the sessions it opens are the ones gunicorn reads.
"""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils.crypto import get_random_string

from .load import Scenario

# Marks the comments the benchmark posts, so they are removed before the next size.
BENCH_MARK = "[bench]"
# How many pupils take turns posting, and parents reading: one session each.
POSTERS = 16
READERS = 16


def session_cookie(user, csrf_secret):
    """A logged-in session for `user`, as the Cookie header of a browser."""
    from django.conf import settings

    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={csrf_secret}"


def targets():
    """School 0's pages and people (devtools/scale/targets.py), and what posts need."""
    from django.templatetags.static import static

    from classrooms.models import BlogEntryPage, Guardianship, Membership, Visibility
    from devtools.scale.targets import bench_targets

    found = dict(bench_targets())
    classroom = found["classroom"]
    found["news"] = found["news_page"]
    found["portal"] = found["school"].get_parent().specific
    found["static"] = static("css/preau.css")
    found["pupils"] = list(
        Membership.objects.filter(classroom=classroom, role=Membership.Role.PUPIL)
        .order_by("user__username")
        .values_list("user__username", flat=True)
    )
    # Families of the class take turns reading: each has a session, and what is kept for
    # one person (performance/generations.py) is not what another one reads.
    found["parents"] = list(
        Guardianship.objects.filter(
            child__memberships__classroom=classroom,
            child__memberships__role=Membership.Role.PUPIL,
        )
        .order_by("parent__username")
        .values_list("parent__username", flat=True)
        .distinct()[:READERS]
    ) or [found["parent"]]
    # Pupils post on another entry than the one parents read, so the read page stays
    # the same while comments pile up for the teacher.
    found["commented_entry"] = (
        BlogEntryPage.objects.child_of(classroom)
        .live()
        .filter(visibility=Visibility.CLASS)
        .exclude(pk=found["entry"].pk)
        .order_by("path")
        .first()
    )
    return found


def build(targets):
    """The scenarios, in the order they run: ceilings first, posts last."""
    users = get_user_model().objects
    csrf_secret = get_random_string(32)

    def cookies_of(usernames):
        return [session_cookie(users.get(username=name), csrf_secret) for name in usernames]

    parents = cookies_of(targets["parents"])
    teacher = cookies_of([targets["teacher"]])
    posters = cookies_of(targets["pupils"][:POSTERS])
    comment = urlencode(
        {
            "csrfmiddlewaretoken": csrf_secret,
            "liked": f"{BENCH_MARK} Les dessins de la sortie.",
            "suggestion": "Ajouter une photo du retour.",
            "wondering": "",
        }
    )
    return [
        Scenario("ceiling_view", "Trivial Django view (T)", reverse("health"), ceiling=True),
        Scenario("ceiling_static", "Static file (WhiteNoise)", targets["static"], ceiling=True),
        Scenario(
            "portal_home", "Portal home · anonymous", targets["portal"].url, target_static=True
        ),
        Scenario(
            "school_home", "School home · anonymous", targets["school"].url, target_static=True
        ),
        Scenario("news_page", "News page · anonymous", targets["news"].url, target_static=True),
        # The same 16 parents asking for the same two pages again and again: everything
        # they share is warm; not the school-day mix. For information.
        Scenario(
            "class_wall",
            "Class wall · same 16 parents re-reading",
            targets["classroom"].url,
            cookies=parents,
            informative=True,
        ),
        Scenario(
            "entry",
            "Blog entry · same 16 parents re-reading",
            targets["entry"].url,
            cookies=parents,
            informative=True,
        ),
        Scenario(
            "moderation_queue",
            "Moderation queue · teacher",
            reverse("comments:queue", args=[targets["classroom"].pk]),
            cookies=teacher,
        ),
        Scenario(
            "exercise_results",
            "Exercise results · teacher",
            reverse("exercises:results", args=[targets["exercise"].pk]),
            cookies=teacher,
        ),
        Scenario(
            "comment_post",
            "Posting a comment · pupil",
            reverse("comments:post", args=[targets["commented_entry"].pk]),
            method="POST",
            body=comment,
            cookies=posters,
            target_ratio=0.1,
        ),
    ]


def forget_posted_comments(since):
    """Remove what the benchmark wrote, so the next size starts from seeded data only."""
    from django_tasks_db.models import DBTaskResult

    from comments.models import ClassComment
    from notifications.models import Notification

    # The comment row and the school-day writers' comments carry the same mark.
    ClassComment.objects.filter(liked__startswith=BENCH_MARK).delete()
    Notification.objects.filter(created_at__gte=since).delete()
    DBTaskResult.objects.filter(enqueued_at__gte=since).delete()


def portal_size():
    """What the seeded portal holds, for the report."""
    from django.db.models import Count

    from classrooms.models import (
        BlogEntryPage,
        ClassroomPage,
        Guardianship,
        Membership,
    )
    from comments.models import ClassComment
    from exercises.models import Attempt, ExercisePage
    from messaging.models import Conversation, Message
    from pages.models import SchoolPage, SchoolStaff

    roles = dict(
        Membership.objects.values_list("role").annotate(n=Count("pk")).values_list("role", "n")
    )
    return {
        "schools": SchoolPage.objects.count(),
        "classes": ClassroomPage.objects.count(),
        "pupils": roles.get(Membership.Role.PUPIL, 0),
        "parents": Guardianship.objects.values("parent").distinct().count(),
        "staff": SchoolStaff.objects.values("user").distinct().count(),
        "entries": BlogEntryPage.objects.count(),
        "comments": ClassComment.objects.count(),
        "exercises": ExercisePage.objects.count(),
        "attempts": Attempt.objects.count(),
        "conversations": Conversation.objects.count(),
        "messages": Message.objects.count(),
    }
