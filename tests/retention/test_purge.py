"""The purge deletes exactly what the retention table says, and nothing else.

A world holds, for every rule, one row just before its limit and one just after; the
clock is moved past the limits (time-machine), the purge runs, and the survivors and the
deleted or anonymised rows are checked on both sides. The dry run changes nothing.
"""

from datetime import UTC, date, datetime, timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django_comments.models import Comment
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from classrooms.models import BlogEntryPage, Membership
from comments.models import ClassComment
from exercises.models import Attempt
from messaging.models import Conversation, Message, Participant
from notifications.models import Notification
from retention import table
from retention.anonymise import PARENT, PUPIL, placeholder
from retention.models import AnonymisedArchive, ScheduledDeletion
from retention.purge import purge
from tests.factories import (
    BlogEntryPageFactory,
    ClassroomPageFactory,
    ExercisePageFactory,
    GuardianshipFactory,
    MembershipFactory,
    SchoolPageFactory,
    SchoolStaffFactory,
    UserFactory,
    portal,
)

pytestmark = pytest.mark.django_db
NOW = datetime(2027, 10, 3, 1, 0, tzinfo=UTC)  # 3 h in Paris, the purge's hour
TODAY = date(2027, 10, 3)
MINUTE = timedelta(minutes=1)


def comment(entry, user):
    return ClassComment.objects.create(
        content_type=ContentType.objects.get_for_model(BlogEntryPage),
        object_pk=str(entry.pk),
        site_id=1,
        user=user,
        user_name=user.display_name,
        user_email=user.email or "",
        comment="J'ai aimé",
        is_public=True,
    )


def notification(user, *, age, read):
    row = Notification.objects.create(recipient=user, kind="entry_published")
    Notification.objects.filter(pk=row.pk).update(
        created_at=NOW - age, read_at=NOW if read else None
    )
    return row


def schedule(user, day, school):
    user.is_active = False
    user.save()
    return ScheduledDeletion.objects.create(
        user=user,
        reason=ScheduledDeletion.Reason.LEFT_SCHOOL,
        deactivated_at=NOW - timedelta(days=90),
        delete_on=day,
        school=school,
    )


def login_row(model, username, age):
    row = model.objects.create(
        username=username,
        ip_address="127.0.0.1",
        user_agent="test",
        http_accept="*/*",
        path_info="/compte/connexion/",
        **(
            {"get_data": "", "post_data": "", "failures_since_start": 1}
            if model is AccessAttempt
            else {}
        ),
    )
    model.objects.filter(pk=row.pk).update(attempt_time=NOW - age)
    return row


def task_result(age, status=TaskResultStatus.SUCCESSFUL):
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [[1]], "kwargs": {}},
        task_path="notifications.tasks.send_notification_emails",
        backend_name="default",
        run_after=NOW - age,
        finished_at=NOW - age if status != TaskResultStatus.READY else None,
    )


def message(conversation, author, age):
    row = Message.objects.create(conversation=conversation, author=author, body="Bonjour")
    Message.objects.filter(pk=row.pk).update(created_at=NOW - age)
    return row


@pytest.fixture
def world(settings):
    settings.PREAU_VERSION_SECONDS = 0
    school = SchoolPageFactory(parent=portal())
    open_class = ClassroomPageFactory(parent=school, school_year="2027-2028")
    w = SimpleNamespace(school=school, open_class=open_class)
    w.teacher = MembershipFactory(classroom=open_class, role=Membership.Role.TEACHER).user
    SchoolStaffFactory(school=school, user=w.teacher, role="teacher")

    # accounts: one due today, one due tomorrow, one due but back in a class, a superuser.
    w.leaver = UserFactory(first_name="Adam", last_name="Haddad")
    left = ClassroomPageFactory(parent=school, school_year="2026-2027", closed_on=date(2027, 7, 4))
    MembershipFactory(classroom=left, user=w.leaver)  # an archive without families' date
    w.leaver_entry = BlogEntryPageFactory(parent=open_class, title="Notre sortie")
    w.leaver_entry.authors.add(w.leaver, w.teacher)
    w.leaver_entry.save()
    w.leaver_comment = comment(w.leaver_entry, w.leaver)
    w.leaver_attempt_page = ExercisePageFactory(parent=open_class)
    Attempt.objects.create(exercise=w.leaver_attempt_page, pupil=w.leaver, seed=1, started_at=NOW)
    schedule(w.leaver, TODAY, school)
    login_row(AccessLog, w.leaver.username, timedelta(days=1))
    w.tomorrow = UserFactory()
    schedule(w.tomorrow, TODAY + timedelta(days=1), school)
    w.back = UserFactory()
    schedule(w.back, TODAY, school)
    MembershipFactory(classroom=open_class, user=w.back)
    w.admin = UserFactory(is_superuser=True, is_staff=True)
    schedule(w.admin, TODAY - timedelta(days=1), None)

    # archives: families read one until yesterday, the other until today.
    w.expired = ClassroomPageFactory(
        parent=school,
        school_year="2025-2026",
        closed_on=date(2026, 7, 4),
        families_until=TODAY - timedelta(days=1),
    )
    w.readable = ClassroomPageFactory(
        parent=school, school_year="2026-2027", closed_on=date(2027, 7, 4), families_until=TODAY
    )
    w.archives = {}
    for archive in (w.expired, w.readable):
        pupil = MembershipFactory(classroom=archive).user
        MembershipFactory(classroom=open_class, user=pupil)  # moved up: still a pupil
        MembershipFactory(classroom=archive, user=w.teacher, role=Membership.Role.TEACHER)
        parent = GuardianshipFactory(child=pupil).parent
        entry = BlogEntryPageFactory(parent=archive, owner=pupil)
        entry.authors.add(pupil, w.teacher)
        entry.save()
        exercise = ExercisePageFactory(parent=archive)
        Attempt.objects.create(exercise=exercise, pupil=pupil, seed=1, started_at=NOW)
        w.archives[archive.pk] = SimpleNamespace(
            pupil=pupil,
            entry=entry,
            pupil_comment=comment(entry, pupil),
            parent_comment=comment(entry, parent),
            teacher_comment=comment(entry, w.teacher),
        )

    # notifications, on both sides of 90 days (read) and 365 days (any).
    w.person = UserFactory()
    read_limit = timedelta(days=90)
    all_limit = timedelta(days=365)
    w.read_old = notification(w.person, age=read_limit + MINUTE, read=True)
    w.read_recent = notification(w.person, age=read_limit - MINUTE, read=True)
    w.unread_between = notification(w.person, age=read_limit + MINUTE, read=False)
    w.unread_old = notification(w.person, age=all_limit + MINUTE, read=False)
    w.unread_recent = notification(w.person, age=all_limit - MINUTE, read=False)

    # login records: failures 24 hours, logins and refused logins 30 days.
    w.failure_old = login_row(AccessAttempt, "x", timedelta(hours=24) + MINUTE)
    w.failure_recent = login_row(AccessAttempt, "y", timedelta(hours=24) - MINUTE)
    w.log_old = login_row(AccessLog, "x", timedelta(days=30) + MINUTE)
    w.log_recent = login_row(AccessLog, "y", timedelta(days=30) - MINUTE)
    w.failure_log_old = login_row(AccessFailureLog, "x", timedelta(days=30) + MINUTE)
    w.failure_log_recent = login_row(AccessFailureLog, "y", timedelta(days=30) - MINUTE)

    # task results: finished ones 30 days; one waiting is never touched.
    w.task_old = task_result(timedelta(days=30) + MINUTE)
    w.task_failed_old = task_result(timedelta(days=30) + MINUTE, TaskResultStatus.FAILED)
    w.task_recent = task_result(timedelta(days=30) - MINUTE)
    w.task_waiting = task_result(timedelta(days=300), TaskResultStatus.READY)

    # messages: 365 days.
    w.conversation = Conversation.objects.create(
        subject="Sortie", started_by=w.teacher, last_message_at=NOW
    )
    Conversation.objects.filter(pk=w.conversation.pk).update(created_at=NOW - timedelta(days=400))
    Participant.objects.create(conversation=w.conversation, user=w.teacher)
    Participant.objects.create(conversation=w.conversation, user=w.person)
    w.message_old = message(w.conversation, w.teacher, timedelta(days=365) + MINUTE)
    w.message_recent = message(w.conversation, w.person, timedelta(days=365) - MINUTE)
    w.old_conversation = Conversation.objects.create(
        subject="Vieille", started_by=w.teacher, last_message_at=NOW
    )
    Conversation.objects.filter(pk=w.old_conversation.pk).update(
        created_at=NOW - timedelta(days=400)
    )
    message(w.old_conversation, w.teacher, timedelta(days=399))
    return w


def authors(entry):
    return set(BlogEntryPage.objects.get(pk=entry.pk).authors.all())


def exists(row):
    return type(row).objects.filter(pk=row.pk).exists()


def test_the_purge_deletes_and_anonymises_exactly_what_the_table_says(world):
    w = world
    with time_machine.travel(NOW, tick=False):
        counts = purge()

    assert counts == {
        "accounts": 1,
        "accounts_reopened": 1,
        "archives": 1,
        "read_notifications": 1,
        "notifications": 1,
        "login_failures": 1,
        "login_records": 2,  # the leaver's own login went with his account, uncounted
        "task_results": 2,
        "messages": 2,
    }

    # accounts
    User = type(w.leaver)
    assert not User.objects.filter(pk=w.leaver.pk).exists()
    assert not AccessLog.objects.filter(username=w.leaver.username).exists()
    assert authors(w.leaver_entry) == {w.teacher}  # the entry stays, without him
    w.leaver_comment.refresh_from_db()
    assert (w.leaver_comment.user, w.leaver_comment.user_name) == (None, placeholder(PUPIL))
    assert not Attempt.objects.filter(exercise=w.leaver_attempt_page).exists()
    w.tomorrow.refresh_from_db()
    assert ScheduledDeletion.objects.filter(user=w.tomorrow).exists()
    w.back.refresh_from_db()
    assert w.back.is_active and not ScheduledDeletion.objects.filter(user=w.back).exists()
    assert User.objects.filter(pk=w.admin.pk).exists()
    assert User.objects.filter(pk=w.teacher.pk, is_active=True).exists()

    # archives
    gone = w.archives[w.expired.pk]
    kept = w.archives[w.readable.pk]
    assert AnonymisedArchive.objects.filter(classroom=w.expired).exists()
    assert not AnonymisedArchive.objects.filter(classroom=w.readable).exists()
    assert authors(gone.entry) == {w.teacher}
    assert BlogEntryPage.objects.get(pk=gone.entry.pk).owner is None
    for row, name in (
        (gone.pupil_comment, placeholder(PUPIL)),
        (gone.parent_comment, placeholder(PARENT)),
        (gone.teacher_comment, w.teacher.display_name),
    ):
        row.refresh_from_db()
        assert row.user_name == name
    assert gone.teacher_comment.user == w.teacher
    assert not Attempt.objects.filter(pupil=gone.pupil).exists()
    assert User.objects.filter(pk=gone.pupil.pk, is_active=True).exists()
    assert authors(kept.entry) == {kept.pupil, w.teacher}
    assert BlogEntryPage.objects.get(pk=kept.entry.pk).owner == kept.pupil
    for row in (kept.pupil_comment, kept.parent_comment):
        row.refresh_from_db()
        assert row.user is not None and row.user_name == row.user.display_name
    assert Attempt.objects.filter(pupil=kept.pupil).exists()

    # notifications, login records, task results, messages
    assert [exists(n) for n in (w.read_old, w.read_recent, w.unread_between)] == [
        False,
        True,
        True,
    ]
    assert [exists(n) for n in (w.unread_old, w.unread_recent)] == [False, True]
    assert [exists(r) for r in (w.failure_old, w.failure_recent)] == [False, True]
    assert [exists(r) for r in (w.log_old, w.log_recent)] == [False, True]
    assert [exists(r) for r in (w.failure_log_old, w.failure_log_recent)] == [False, True]
    assert [exists(r) for r in (w.task_old, w.task_failed_old, w.task_recent)] == [
        False,
        False,
        True,
    ]
    assert exists(w.task_waiting)
    assert [exists(m) for m in (w.message_old, w.message_recent)] == [False, True]
    assert exists(w.conversation) and not exists(w.old_conversation)


def test_the_purge_run_again_changes_nothing_more(world):
    with time_machine.travel(NOW, tick=False):
        purge()
        again = purge()
    assert set(again.values()) == {0}


def test_the_dry_run_counts_and_changes_nothing(world):
    w = world
    tables = (
        Notification,
        AccessAttempt,
        AccessLog,
        AccessFailureLog,
        DBTaskResult,
        Message,
        ScheduledDeletion,
        AnonymisedArchive,
        Attempt,
        type(w.leaver),
    )
    before = {model: model.objects.count() for model in tables}
    names = sorted(Comment.objects.values_list("user_name", flat=True))
    out = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("purge_personal_data", "--dry-run", stdout=out)

    assert {model: model.objects.count() for model in tables} == before
    assert sorted(Comment.objects.values_list("user_name", flat=True)) == names
    w.leaver.refresh_from_db()
    assert "accounts: 1" in out.getvalue() and "archives: 1" in out.getvalue()
    assert "messages: 2" in out.getvalue()


def test_the_command_runs_every_rule_of_the_table(world):
    out = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("purge_personal_data", stdout=out)
    for item in table.RULES:
        assert f"{item.key}: " in out.getvalue()
    assert not type(world.leaver).objects.filter(pk=world.leaver.pk).exists()


def test_a_deleted_staff_member_s_comments_are_signed_as_staff_not_as_a_parent(world):
    """Before deletion, each comment is signed with what its author was."""
    from retention.anonymise import STAFF, before_account_deletion

    entry = BlogEntryPageFactory(parent=world.open_class, title="Les haricots")
    parent = UserFactory(first_name="Amélie", last_name="Moreau")
    teacher_comment = comment(entry, world.teacher)
    parent_comment = comment(entry, parent)
    before_account_deletion(world.teacher)
    before_account_deletion(parent)
    teacher_comment.refresh_from_db()
    parent_comment.refresh_from_db()
    assert teacher_comment.user_name == placeholder(STAFF) == "Un membre de l’équipe de l’école"
    assert parent_comment.user_name == placeholder(PARENT) == "Un parent"
