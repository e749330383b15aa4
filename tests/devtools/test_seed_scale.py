"""`manage.py seed_scale`: the synthetic portal of the load benchmark.

Two tiny schools are enough to check what matters at 650: the rows are those the real
paths write (pages in a valid tree, the role groups sync_user would give, pages served
to the family and refused to outsiders), the counts are those planned, and the command
is repeatable and incremental.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, WorkflowState

from accounts import roles
from accounts.models import RoleGroup
from classrooms.models import BlogEntryPage, ClassroomPage, Guardianship, Membership
from comments.models import ClassComment
from consents.models import PupilConsent
from devtools.management.commands.seed_scale import Command
from devtools.scale import plan as planning
from devtools.scale.progress import ProgressBar
from devtools.scale.targets import bench_targets
from enrolment.models import PupilRecord
from enrolment.services import current_school_year
from exercises.models import Attempt, ExercisePage
from pages.models import NewsIndexPage, NewsPage, SchoolPage, SchoolStaff

TINY = {
    "classes_per_school": 2,
    "pupils_per_class": 5,
    "entries_per_class": 8,
    "comments_per_class": 10,
    "exercises_per_class": 1,
    "news_per_school": 2,
}
SIZES = planning.Sizes(**TINY)
SEED = 7


def seed_scale(schools=2, **options):
    """Run the command (by its class: the app may not be installed in every settings)."""
    out, err = io.StringIO(), io.StringIO()
    call_command(
        Command(), schools=schools, seed=SEED, stdout=out, stderr=err, **{**TINY, **options}
    )
    return out.getvalue(), err.getvalue()


def plans(count, seed=SEED, sizes=SIZES):
    return [
        planning.plan_school(seed, index, sizes, current_school_year()) for index in range(count)
    ]


def planned(count):
    totals = {}
    for school in plans(count):
        for key, value in school.counts().items():
            totals[key] = totals.get(key, 0) + value
    return totals


def synthetic_schools():
    return SchoolPage.objects.filter(slug__startswith=planning.SLUG_PREFIX)


def snapshot():
    """What the portal holds, to compare before and after a run."""
    return {
        "pages": list(Page.objects.order_by("path").values_list("pk", "path", "title", "live")),
        "users": list(get_user_model().objects.order_by("pk").values_list("pk", "username")),
        "comments": ClassComment.objects.count(),
        "attempts": Attempt.objects.count(),
        "memberships": Membership.objects.count(),
        "guardianships": Guardianship.objects.count(),
        "groups": get_user_model().groups.through.objects.count(),
    }


@pytest.fixture
def seeded(portal):
    seed_scale()
    return portal


def test_writes_what_was_planned(seeded):
    expected = planned(2)
    users = get_user_model().objects
    assert synthetic_schools().count() == expected["schools"] == 2
    assert ClassroomPage.objects.count() == expected["classes"] == 4
    assert Membership.objects.filter(role=Membership.Role.PUPIL).count() == expected["pupils"]
    assert PupilRecord.objects.count() == expected["pupils"] == 20
    # Every family answered (consents/): most allow photos, voice and videos everywhere.
    assert PupilConsent.objects.count() == 20
    assert PupilConsent.objects.filter(photo_public=True, voice_public=True).exists()
    parents = users.filter(username__regex=r"\.g[12]$")
    assert parents.count() == expected["parents"]
    assert Guardianship.objects.values("parent").distinct().count() == expected["parents"]
    staff = users.filter(username__regex=r"^s[0-9]{4}\.(d|a[0-9]+|c[0-9]+\.t)$")
    assert staff.count() == expected["staff"]
    assert users.filter(username__startswith="s0").count() == expected["accounts"]
    assert SchoolStaff.objects.filter(role=SchoolStaff.Role.DIRECTOR).count() == 2
    assert BlogEntryPage.objects.count() == expected["entries"] == 32
    assert BlogEntryPage.objects.live().count() == expected["published_entries"]
    waiting = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert waiting.count() == expected["waiting_entries"]
    assert ClassComment.objects.count() == expected["comments"] == 40
    assert ClassComment.objects.filter(is_public=True).count() == expected["published_comments"]
    assert ExercisePage.objects.count() == expected["exercises"] == 4
    assert Attempt.objects.count() == expected["attempts"]
    assert NewsIndexPage.objects.count() == 2
    assert NewsPage.objects.live().count() == expected["news"] == 4


def test_the_page_tree_is_valid(seeded):
    assert all(problems == [] for problems in Page.find_problems())
    for classroom in ClassroomPage.objects.all():
        assert classroom.numchild == classroom.get_children().count() == 9
        assert classroom.collection_id is not None  # the class space's signal handler ran
    entry = BlogEntryPage.objects.live().first()
    assert entry.url_path == f"{entry.get_parent().url_path}{entry.slug}/"
    assert entry.live_revision_id == entry.latest_revision_id
    assert entry.get_latest_revision().as_object().authors.count() == entry.authors.count()


def test_a_family_sees_its_class_and_an_outsider_gets_404(seeded, client):
    targets = bench_targets()
    users = get_user_model().objects
    parent = users.get(username=targets["parent"])
    assert parent.check_password(planning.DEFAULT_PASSWORD)
    assert targets["parent"] == "s0000.c1.p1.g1"
    assert targets["pupil"] == "s0000.c1.p1"
    assert targets["teacher"] in {"s0000.c1.t", "s0000.d"}
    assert targets["entry"] is not None and targets["exercise"] is not None
    assert ClassComment.objects.filter(object_pk=str(targets["entry"].pk), is_public=True)
    assert targets["exercise"].attempts.exists()

    client.force_login(parent)
    assert client.get(targets["classroom"].url).status_code == 200
    assert client.get(targets["entry"].url).status_code == 200
    assert client.get(targets["exercise"].url).status_code == 200

    client.force_login(users.get(username=targets["outsider"]))
    assert targets["outsider"].startswith("s0001.")
    assert client.get(targets["classroom"].url).status_code == 404
    if targets["entry"].visibility == "class":
        assert client.get(targets["entry"].url).status_code == 404

    client.logout()
    assert client.get(targets["school"].url).status_code == 200
    assert client.get(targets["news_page"].url).status_code == 200


def test_role_groups_are_those_sync_user_gives(seeded):
    users = get_user_model().objects
    sample = ["s0000.d", "s0001.d", "s0000.c1.p1", "s0001.c2.p5", "s0000.c1.p1.g1"]
    sample += list(
        users.filter(username__regex=r"\.(t|g2)$").values_list("username", flat=True)[:6]
    )
    sample += list(users.filter(username__regex=r"\.a[0-9]+$").values_list("username", flat=True))
    for user in users.filter(username__in=sample):
        bulk = set(RoleGroup.objects.filter(group__user=user).values_list("page_id", "role"))
        assert bulk == set(roles.desired_roles(user)), user.username
        groups = set(user.groups.values_list("pk", flat=True))
        roles.sync_user(user)
        assert set(user.groups.values_list("pk", flat=True)) == groups, user.username
    assert set(
        RoleGroup.objects.filter(group__user__username="s0000.c1.p1.g1").values_list(
            "role", flat=True
        )
    ) == {RoleGroup.Role.CLASS_PARENT}


def test_running_again_adds_nothing(seeded):
    before = snapshot()
    out, err = seed_scale()
    assert snapshot() == before
    # Commands speak the site's language, French by default.
    assert "2 présentes, 0 à écrire" in out and err == ""


def test_more_schools_adds_only_the_new_ones(seeded):
    before = snapshot()
    seed_scale(schools=3)
    after = snapshot()
    assert synthetic_schools().count() == 3
    # The first two schools' pages and people are untouched, the new ones come after.
    assert [row for row in after["pages"] if row in before["pages"]] == before["pages"]
    assert after["users"][: len(before["users"])] == before["users"]
    new_users = {username for _pk, username in after["users"][len(before["users"]) :]}
    assert new_users and all(name.startswith("s0002.") for name in new_users)
    assert after["comments"] - before["comments"] == plans(3)[2].counts()["comments"]


def test_the_same_seed_gives_the_same_portal(seeded):
    first, again = plans(2), plans(2)
    for one, other in zip(first, again, strict=True):
        assert one.title == other.title
        assert [c.title for c in one.classes] == [c.title for c in other.classes]
        assert [e.title for c in one.classes for e in c.entries] == [
            e.title for c in other.classes for e in c.entries
        ]
    planned_usernames = {
        person.username
        for school in first
        for person in [school.director, *school.teachers, *school.assistants, *school.parents]
        + [pupil.person for pupil in school.pupils]
    }
    written = set(
        get_user_model()
        .objects.filter(username__startswith="s0")
        .values_list("username", flat=True)
    )
    assert written == planned_usernames
    assert set(synthetic_schools().values_list("title", flat=True)) == {s.title for s in first}
    entry_titles = {e.title for s in first for c in s.classes for e in c.entries}
    assert set(BlogEntryPage.objects.values_list("title", flat=True)) == entry_titles
    other_seed = [planning.plan_school(SEED + 1, i, SIZES, "2026-2027") for i in range(2)]
    assert [s.title for s in other_seed] != [s.title for s in first] or [
        c.title for s in other_seed for c in s.classes
    ] != [c.title for s in first for c in s.classes]


def test_default_sizes_match_the_full_portal():
    """At 650 schools: about 3,000 classes, 61,000 pupils, 100,000 parents and 3,500
    staff, 20 entries and 60 comments per class (planned on 130 schools, not written)."""
    schools = [planning.plan_school(1, i, planning.Sizes(), "2026-2027") for i in range(130)]
    totals = {}
    for school in schools:
        for key, value in school.counts().items():
            totals[key] = totals.get(key, 0) + value
    per_school = {key: value * 650 / len(schools) for key, value in totals.items()}
    assert 2_800 <= per_school["classes"] <= 3_200
    assert 57_000 <= per_school["pupils"] <= 65_000
    assert 94_000 <= per_school["parents"] <= 106_000
    assert 3_200 <= per_school["staff"] <= 3_800
    assert totals["entries"] == 20 * totals["classes"]
    assert totals["comments"] == 60 * totals["classes"]
    assert totals["exercises"] == 2 * totals["classes"]
    assert 0.75 * totals["pupils"] <= totals["attempts"] / 2 <= 0.95 * totals["pupils"]


def test_refused_in_production(portal):
    with override_settings(PREAU_ENVIRONMENT="production"), pytest.raises(CommandError):
        seed_scale(schools=1)
    assert not synthetic_schools().exists()


def test_progress_shows_count_rate_and_time_left():
    stream = io.StringIO()
    ticks = iter([0.0, 2.0, 2.0, 4.0, 4.0, 4.0])
    bar = ProgressBar(2, label="Schools", stream=stream, clock=lambda: next(ticks))
    bar.advance()
    bar.advance()
    bar.finish()
    lines = stream.getvalue().splitlines()
    assert "1/2" in lines[0] and "0.50/s" in lines[0] and "0:02 left" in lines[0]
    assert "2/2" in lines[-1] and "100%" in lines[-1]
    silent = io.StringIO()
    ProgressBar(3, stream=silent, enabled=False).advance()
    assert silent.getvalue() == ""


def test_progress_in_a_log_writes_a_line_every_few_seconds():
    stream = io.StringIO()
    now = [0.0]
    bar = ProgressBar(10, stream=stream, clock=lambda: now[0])
    for _school in range(10):
        now[0] += 1.0
        bar.advance()
    bar.finish()
    lines = stream.getvalue().splitlines()
    # At 1 s, then at 6 s (5 s later), then the last one at 10 s.
    assert [line.split("]")[1].split()[0] for line in lines] == ["1/10", "6/10", "10/10"]


def test_comment_threads_are_those_django_comments_xtd_builds(seeded):
    comments = list(ClassComment.objects.order_by("pk"))
    by_pk = {comment.pk: comment for comment in comments}
    replies = [comment for comment in comments if comment.parent_id != comment.pk]
    for comment in comments:
        if comment.parent_id == comment.pk:
            assert (comment.thread_id, comment.level, comment.order) == (comment.pk, 0, 1)
            assert comment.nested_count == sum(r.parent_id == comment.pk for r in replies)
        else:
            parent = by_pk[comment.parent_id]
            assert comment.thread_id == parent.thread_id and comment.level == 1
            assert comment.object_pk == parent.object_pk and parent.is_public
    orders = [(comment.thread_id, comment.order) for comment in comments]
    assert len(orders) == len(set(orders))
    # Replies are the teachers', published at once; pupils' and parents' wait or are moderated.
    assert all(reply.is_public and reply.moderated_by_id is None for reply in replies)
    pending = [c for c in comments if not c.is_public and not c.is_removed]
    assert all(c.moderated_by_id is None for c in pending)
