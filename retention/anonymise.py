"""Taking a person's name off what stays: before an account is deleted, and from a class
archive once its families' reading time is over (table.py, rules "accounts" and
"archives").

What a pupil wrote for a class belongs to the class's life as much as to the pupil: a
blog entry written by three children, a text gathered into a class book, a comment
answered by the teacher. Deleting it with one child's account would tear it from the
others, so it stays and loses the name: the pupil is taken off its authors (a relation,
which the account's deletion also removes), and comments, which keep a copy of the
author's name in `user_name` (django-comments), are signed with a placeholder instead.
Results (exercise attempts, drill rounds, ticks) have no meaning without the child:
they go with the account, and from an expired archive.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django_comments.models import Comment
from wagtail.models import Page, Revision

from classrooms.models import BlogEntryPage, ClassroomPage, Guardianship, Membership
from drills.models import DrillLevelChange, DrillProgress, DrillRound
from exercises.models import Attempt
from homework.models import ItemDone
from pages.models import MunicipalityAgent, SchoolStaff
from performance import versions
from workplans.models import TaskAdjustment, TaskTick
from writing.models import Draft, Text

from .models import AnonymisedArchive

PUPIL, PARENT, STAFF = "pupil", "parent", "staff"


def placeholder(who) -> str:
    """The name signing a comment whose author is gone, in the portal's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return {PUPIL: _("A pupil"), STAFF: _("A member of the school's staff")}.get(
            who, _("A parent")
        )


def _sign_comments(comments, pupil_ids, who_else=PARENT):
    """Comments lose their author, address and e-mail; the name becomes a placeholder:
    "a pupil" for `pupil_ids`, `who_else` for the others."""
    count = comments.filter(user_id__in=pupil_ids).update(
        user=None, user_name=placeholder(PUPIL), user_email="", user_url="", ip_address=None
    )
    count += comments.exclude(user_id__in=pupil_ids).update(
        user=None, user_name=placeholder(who_else), user_email="", user_url="", ip_address=None
    )
    return count


def before_account_deletion(user):
    """What stays of this person once the account is gone carries no name of theirs."""
    is_pupil = user.memberships.filter(role=Membership.Role.PUPIL).exists() or (
        Guardianship.objects.filter(child=user).exists()
    )
    is_staff = (
        SchoolStaff.objects.filter(user=user).exists()
        or MunicipalityAgent.objects.filter(user=user).exists()
        or user.memberships.exclude(role=Membership.Role.PUPIL).exists()
    )
    _sign_comments(
        Comment.objects.filter(user=user),
        {user.pk} if is_pupil else set(),
        who_else=STAFF if is_staff and not is_pupil else PARENT,
    )
    entries = list(BlogEntryPage.objects.filter(authors=user).values_list("pk", flat=True))
    versions.bump(*(versions.page_scope(pk) for pk in entries), guards_access=False)
    _forget_login_records(user.get_username())


def _forget_login_records(username):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username=username).delete()


def expired_archives(today, now) -> int:
    """Anonymise every class archive whose families' reading time ended before today."""
    archives = ClassroomPage.objects.filter(
        closed_on__isnull=False, families_until__lt=today
    ).exclude(pk__in=AnonymisedArchive.objects.values("classroom_id"))
    count = 0
    for archive in archives:
        anonymise_archive(archive)
        AnonymisedArchive.objects.create(classroom=archive, anonymised_at=now)
        count += 1
    return count


def _staff_ids(archive):
    members = Membership.objects.filter(classroom=archive).exclude(role=Membership.Role.PUPIL)
    return set(members.values_list("user_id", flat=True))


def anonymise_archive(archive):
    """The pupils' names off what they wrote in this archive, their results deleted."""
    pupil_ids = set(
        Membership.objects.filter(classroom=archive, role=Membership.Role.PUPIL).values_list(
            "user_id", flat=True
        )
    )
    page_ids = list(Page.objects.descendant_of(archive).values_list("pk", flat=True))
    _take_off_authors(BlogEntryPage, "authors", {"blogentrypage_id__in": page_ids}, pupil_ids)
    Page.objects.filter(pk__in=page_ids, owner_id__in=pupil_ids).update(owner=None)
    Revision.objects.page_revisions().filter(
        object_id__in=[str(pk) for pk in page_ids], user_id__in=pupil_ids
    ).update(user=None)
    texts = Text.objects.filter(assignment_id__in=page_ids)
    _take_off_authors(Text, "authors", {"text__in": texts}, pupil_ids)
    texts.filter(saved_by_id__in=pupil_ids).update(saved_by=None)
    Draft.objects.filter(text__in=texts, handed_in_by_id__in=pupil_ids).update(handed_in_by=None)
    # Comments on the archive's pages by anyone but the class's own staff and staff of
    # schools: pupils (of this class or partner classes) and families.
    staff = _staff_ids(archive)
    staff |= set(SchoolStaff.objects.values_list("user_id", flat=True))
    staff |= set(MunicipalityAgent.objects.values_list("user_id", flat=True))
    comments = Comment.objects.filter(
        object_pk__in=[str(pk) for pk in page_ids], user__isnull=False
    ).exclude(user_id__in=staff)
    partner_pupils = set(
        get_user_model()
        .objects.filter(memberships__role=Membership.Role.PUPIL)
        .filter(pk__in=comments.values("user_id"))
        .values_list("pk", flat=True)
    )
    _sign_comments(comments, pupil_ids | partner_pupils)
    for model, field in (
        (Attempt, "exercise_id"),
        (DrillProgress, "drill_id"),
        (DrillRound, "drill_id"),
        (DrillLevelChange, "drill_id"),
        (TaskTick, "task__plan_id"),
        (TaskAdjustment, "task__plan_id"),
    ):
        model.objects.filter(Q(**{f"{field}__in": page_ids})).delete()
    ItemDone.objects.filter(item__session__classroom=archive).delete()
    versions.bump(versions.class_scope(archive.path), guards_access=False)
    versions.bump(*(versions.page_scope(pk) for pk in page_ids), guards_access=False)


def _take_off_authors(model, field_name, filters, pupil_ids):
    through = model._meta.get_field(field_name).remote_field.through
    through.objects.filter(**filters, user_id__in=pupil_ids).delete()
