"""The enrolment operations, shared by the forms, the ONDE import and the tests.

Memberships, staff rows and family links are created and deleted one row at a time
(never `bulk_create` or `update`), so that the signals which derive object permissions
from them (classrooms/permissions.py) see every change.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Page

from classrooms.models import ClassroomPage, Guardianship, Membership
from consents import answers
from consents.models import ConsentChange
from notifications.services import notify
from pages.models import MunicipalityAgent, SchoolStaff

from . import credentials
from .models import ParentLinkRequest, PupilRecord
from .onde import identity_key, normalize


def current_school_year(today: date | None = None) -> str:
    """ "2026-2027" from August 2026 to July 2027: French schools start in September."""
    today = today or date.today()
    start = today.year if today.month >= 8 else today.year - 1
    return f"{start}-{start + 1}"


def school_year_choices(today: date | None = None) -> list[tuple[str, str]]:
    """This school year and the next one, which directors prepare from May."""
    current = current_school_year(today)
    start = int(current[:4])
    following = f"{start + 1}-{start + 2}"
    return [(current, current), (following, following)]


def school_classrooms(school):
    """Every class space of a school, all years: the children of its page."""
    return ClassroomPage.objects.child_of(school)


def create_classroom(school, *, title, school_year, level, user=None) -> ClassroomPage:
    """A live class space below the school, with a slug that carries its year.

    The title may be as long as a page's title: its part of the slug is cut so that the
    year and a number ("-2") still fit in the slug's column.
    """
    year = slugify(school_year)
    room = Page._meta.get_field("slug").max_length - len(year) - len("-") - len("-9999")
    title_part = slugify(title)[:room].strip("-")
    base = f"{title_part}-{year}" if title_part else year
    taken = set(
        Page.objects.child_of(school).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    classroom = ClassroomPage(
        title=title, slug=slug, school_year=school_year, level=level, live=True
    )
    school.add_child(instance=classroom)
    classroom.save_revision(user=user).publish(user=user)
    return classroom


def find_classroom(school, school_year, title):
    """The class of this school and year with this title (case and accents aside)."""
    wanted = normalize(title)
    for classroom in school_classrooms(school).filter(school_year=school_year):
        if normalize(classroom.title) == wanted:
            return classroom
    return None


@dataclass
class NewAccount:
    """An account with the password chosen for it just now, to print once."""

    user: object
    password: str | None  # None for an existing account that was only linked


def find_adult_by_email(email):
    """The existing account with this e-mail address, the oldest if several share it."""
    if not email:
        return None
    return get_user_model().objects.filter(email__iexact=email).order_by("pk").first()


def create_account(*, first_name, last_name, email="", adult=True) -> NewAccount:
    fallback = "compte" if adult else "eleve"
    (username,) = credentials.unique_usernames([(first_name, last_name)], fallback=fallback)
    password = credentials.adult_password() if adult else credentials.pupil_password()
    user = get_user_model()(
        username=username, first_name=first_name, last_name=last_name, email=email
    )
    (user.password,) = credentials.hash_passwords([password])
    user.save()
    return NewAccount(user, password)


@transaction.atomic
def add_teacher(school, *, first_name, last_name, email) -> NewAccount:
    """A teacher of the school: an existing account with this e-mail, or a new one."""
    existing = find_adult_by_email(email)
    account = (
        NewAccount(existing, None)
        if existing
        else create_account(first_name=first_name, last_name=last_name, email=email)
    )
    SchoolStaff.objects.get_or_create(
        school=school, user=account.user, role=SchoolStaff.Role.TEACHER
    )
    return account


def school_teachers(school):
    """The school's teachers: a teacher row in the school, or teaching one of its classes."""
    return (
        get_user_model()
        .objects.filter(
            Q(school_roles__school=school, school_roles__role=SchoolStaff.Role.TEACHER)
            | Q(
                memberships__role=Membership.Role.TEACHER,
                memberships__classroom__in=school_classrooms(school),
            )
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


@transaction.atomic
def set_teachers(classroom, teachers, school):
    """Make exactly these people the teachers of the class, and teachers of the school."""
    wanted = {teacher.pk: teacher for teacher in teachers}
    for membership in Membership.objects.filter(
        classroom=classroom, role=Membership.Role.TEACHER
    ).exclude(user_id__in=wanted):
        membership.delete()
    for teacher in wanted.values():
        membership, created = Membership.objects.get_or_create(
            user=teacher, classroom=classroom, defaults={"role": Membership.Role.TEACHER}
        )
        if not created and membership.role != Membership.Role.TEACHER:
            membership.role = Membership.Role.TEACHER
            membership.save()
        SchoolStaff.objects.get_or_create(
            school=school, user=teacher, role=SchoolStaff.Role.TEACHER
        )


def find_pupil(school, *, last_name, first_name, birth_date):
    """The pupil of this school with this name and birth date, if the school knows them."""
    key = identity_key(last_name, first_name, birth_date)
    records = PupilRecord.objects.filter(school=school, birth_date=birth_date).select_related(
        "user"
    )
    for record in records:
        if identity_key(record.user.last_name, record.user.first_name, record.birth_date) == key:
            return record
    return None


def pupil_membership_of_year(user, school, school_year):
    """The pupil's place in a class of this school and year, if any."""
    return (
        Membership.objects.filter(
            user=user,
            role=Membership.Role.PUPIL,
            classroom__in=school_classrooms(school).filter(school_year=school_year),
        )
        .select_related("classroom")
        .first()
    )


def place_pupil(user, classroom, school):
    """Put a pupil in a class, leaving any other class of the same school year."""
    current = pupil_membership_of_year(user, school, classroom.school_year)
    if current and current.classroom_id == classroom.pk:
        return
    if current:
        current.delete()
    Membership.objects.get_or_create(
        user=user, classroom=classroom, defaults={"role": Membership.Role.PUPIL}
    )


@transaction.atomic
def enrol_pupil(
    school, classroom, *, first_name, last_name, birth_date, level, photo_consent, by=None
) -> NewAccount:
    """A new pupil account in the class, with their record and a password to print; a
    ticked photo consent (the family's paper answer) is recorded as given by `by`."""
    account = create_account(first_name=first_name, last_name=last_name, adult=False)
    PupilRecord.objects.create(
        user=account.user,
        school=school,
        birth_date=birth_date,
        level=level,
    )
    if photo_consent:
        answers.record(
            account.user,
            {"photo_school": True, "photo_public": True},
            by=by,
            source=ConsentChange.Source.STAFF,
        )
    Membership.objects.create(user=account.user, classroom=classroom, role=Membership.Role.PUPIL)
    return account


def guardian_with_email(child, email):
    """A parent of this pupil whose account has this address: the school linked them."""
    if not email:
        return None
    return (
        get_user_model()
        .objects.filter(guardianships__child=child, email__iexact=email)
        .order_by("pk")
        .first()
    )


@dataclass
class ParentAdded:
    """What "Add a parent" did, for the message that says so."""

    user: object  # the account that follows the child now, or whose holder was asked
    password: str | None = None  # a new account's, to print once
    already: bool = False  # that account already followed the child: nothing was done
    asked: bool = False  # an existing account's holder is asked to confirm the link
    separate: bool = False  # an existing account uses the address: a new one was made


@transaction.atomic
def add_parent(
    child, *, first_name, last_name, email, school=None, requested_by=None, ask_holder=False
) -> ParentAdded:
    """Give a pupil a parent: a new account, never an existing one on its address alone.

    Whoever holds an account is the only one who can say it is this child's parent: the
    address typed may be mistyped, shared, or someone else's on purpose, and a linked
    account is one the class's staff may give a new password. With `ask_holder` (a
    director's decision), the holder of an existing account with this address is asked
    to confirm; otherwise, or once they declined, a separate account is made.
    """
    linked = guardian_with_email(child, email)
    if linked is not None:
        return ParentAdded(linked, already=True)
    holder = find_adult_by_email(email)
    if holder is not None and holder.pk == child.pk:
        holder = None
    if holder is not None and ask_holder and not has_declined(holder, child):
        propose_link(
            holder,
            child,
            school=school,
            requested_by=requested_by,
            typed_name=f"{first_name} {last_name}".strip(),
        )
        return ParentAdded(holder, asked=True)
    account = create_account(first_name=first_name, last_name=last_name, email=email)
    Guardianship.objects.create(parent=account.user, child=child)
    return ParentAdded(account.user, account.password, separate=holder is not None)


def has_declined(holder, child) -> bool:
    return ParentLinkRequest.objects.filter(
        parent=holder, child=child, status=ParentLinkRequest.Status.DECLINED
    ).exists()


def link_requests_url() -> str:
    """The holder's page of links to confirm, in the portal's first language (e-mails)."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("enrolment:link_requests")


def propose_link(holder, child, *, school, requested_by, typed_name=""):
    """Ask the holder of an account to confirm they are this pupil's parent (once).

    `typed_name` is the parent's name as the school typed it: what staff see of the
    request, since the holder's own name would tell them who holds the address."""
    link, created = ParentLinkRequest.objects.get_or_create(
        parent=holder,
        child=child,
        defaults={"school": school, "requested_by": requested_by, "typed_name": typed_name},
    )
    if created:
        notify(
            [holder],
            "parent_link_request",
            url=link_requests_url(),
            school=school.title,
            child=child.display_name,
        )
    return link


def _requester_url(link) -> str:
    """Where the person who asked finds the pupil: their class list, else the school."""
    membership = (
        Membership.objects.filter(
            user=link.child,
            role=Membership.Role.PUPIL,
            classroom__in=school_classrooms(link.school),
        )
        .order_by("-classroom__school_year")
        .first()
    )
    with translation.override(settings.LANGUAGE_CODE):
        if membership is not None:
            return reverse("enrolment:roster", kwargs={"classroom_id": membership.classroom_id})
        return reverse("enrolment:school", kwargs={"school_id": link.school_id})


@transaction.atomic
def accept_link(link):
    """The holder said yes: they follow the child from now on, with their own password."""
    Guardianship.objects.get_or_create(parent=link.parent, child=link.child)
    link.delete()
    notify(
        [link.requested_by],
        "parent_link_accepted",
        url=_requester_url(link),
        parent=link.parent.get_full_name(),
        child=link.child.display_name,
    )


@transaction.atomic
def decline_link(link):
    """The holder said no: nothing is linked, and the school may make a separate account."""
    link.status = ParentLinkRequest.Status.DECLINED
    link.save(update_fields=["status"])
    notify(
        [link.requested_by],
        "parent_link_declined",
        url=_requester_url(link),
        parent=link.name_for_staff(),  # who declined keeps their name to themselves
        child=link.child.display_name,
    )


def is_protected(user) -> bool:
    """Accounts a teacher may not switch off or give a new password from a class roster.

    A parent may also be a teacher, a director, a town agent or an administrator; those
    accounts carry more than a family's access and are not the class's to change.
    """
    if user.is_superuser or user.is_staff:
        return True
    if SchoolStaff.objects.filter(user=user).exists():
        return True
    if MunicipalityAgent.objects.filter(user=user).exists():
        return True
    return Membership.objects.filter(Q(user=user) & ~Q(role=Membership.Role.PUPIL)).exists()


def protected_ids(users) -> set[int]:
    """The protected accounts among these, in a fixed number of queries."""
    ids = [user.pk for user in users]
    protected = {user.pk for user in users if user.is_superuser or user.is_staff}
    protected.update(SchoolStaff.objects.filter(user_id__in=ids).values_list("user_id", flat=True))
    protected.update(
        MunicipalityAgent.objects.filter(user_id__in=ids).values_list("user_id", flat=True)
    )
    protected.update(
        Membership.objects.filter(user_id__in=ids)
        .exclude(role=Membership.Role.PUPIL)
        .values_list("user_id", flat=True)
    )
    return protected


def give_new_passwords(users, *, adult) -> dict[int, str]:
    """Choose, hash and save a new password for each account; return them by user id.

    The old passwords stop working at once (and the sessions they opened end, since
    Django ties a session to the password hash).
    """
    users = list(users)
    passwords = [
        credentials.adult_password() if adult else credentials.pupil_password() for _ in users
    ]
    hashes = credentials.hash_passwords(passwords)
    for user, hashed in zip(users, hashes, strict=True):
        user.password = hashed
    get_user_model().objects.bulk_update(users, ["password"])
    return {user.pk: password for user, password in zip(users, passwords, strict=True)}
