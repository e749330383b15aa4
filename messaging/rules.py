"""Who may write to whom: the one place messaging's rights are derived, from the rows
that say who people are (class memberships, guardianships, school staff, town agents).

- a pupil: the teachers and ATSEM of their classes; their classmates when the teacher
  allows it for the class (off by default);
- a parent: the teachers of their children's classes, the directors of those schools,
  and the staff a director opens to families;
- a teacher: the staff of their school; the pupils of their classes and their families,
  one by one or every family of a class at once;
- a director: the staff of their school; every pupil of the school and their families;
  their town's agents;
- an ATSEM: the staff of their school;
- a town agent: the directors of their town's schools.

Two more rules hold in every conversation, whoever started it:
- a pupil is only ever in a conversation with the adults of their classes (teachers,
  ATSEM), their own parents, the director of their school, and classmates (when the
  class allows it or one of its teachers started it): a message from a pupil to any
  other adult is impossible, whatever someone else typed in a form;
- a conversation stays open while these rules still hold for its starter and its
  people; when one of them left the class (a membership ended) it becomes read-only.

Everything here reads the rows again: nothing is stored about rights.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Page

from classrooms.models import ClassroomPage, Guardianship, Membership
from classrooms.person import person_of
from pages.models import MunicipalityAgent, SchoolPage, SchoolStaff
from pages.templatetags.french import of_name

from .models import ClassMessaging, OpenToParents

TEACHER = Membership.Role.TEACHER
ASSISTANT = Membership.Role.ASSISTANT
PUPIL = Membership.Role.PUPIL
DIRECTOR = SchoolStaff.Role.DIRECTOR


@dataclass(frozen=True)
class Contact:
    """Someone a person may write to, as the recipient picker shows them."""

    user_id: int
    name: str
    detail: str


@dataclass
class Contacts:
    """Everyone a person may start a conversation with, in headed groups, and the
    classes whose families they may write to at once."""

    groups: list = field(default_factory=list)  # (heading, [Contact...])
    family_classes: list = field(default_factory=list)  # (class id, class title)

    def add(self, heading, contacts):
        contacts = sorted(contacts, key=lambda contact: contact.name.lower())
        if contacts:
            self.groups.append((heading, contacts))

    @property
    def ids(self) -> frozenset:
        return frozenset(contact.user_id for _h, group in self.groups for contact in group)

    def name_of(self, user_id) -> str:
        for _heading, group in self.groups:
            for contact in group:
                if contact.user_id == user_id:
                    return contact.name
        return ""


def adult_name(first, last, username=""):
    return f"{first} {last}".strip() or username


def pupil_name(first, last, username=""):
    first, last = first.strip(), last.strip()
    if first and last:
        return f"{first} {last[0].upper()}."
    return first or username


def school_path_of(class_path: str) -> str:
    return class_path[: -Page.steplen]


def _active(queryset, prefix="user__"):
    return queryset.filter(**{f"{prefix}is_active": True})


def under_schools(paths, prefix="classroom__"):
    """Classes of these schools (the pages right below them)."""
    query = Q(pk__in=[])
    for path in paths:
        depth = len(path) // Page.steplen + 1
        query |= Q(**{f"{prefix}path__startswith": path, f"{prefix}depth": depth})
    return query


def _members(query, roles):
    return (
        _active(Membership.objects.filter(query, role__in=roles))
        .values_list(
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__username",
            "role",
            "classroom_id",
            "classroom__title",
        )
        .order_by()
    )


def _staff_rows(school_paths, roles=None):
    rows = _active(SchoolStaff.objects.filter(school__path__in=school_paths))
    if roles:
        rows = rows.filter(role__in=roles)
    return rows.values_list(
        "user_id", "user__first_name", "user__last_name", "user__username", "role", "school__title"
    ).order_by()


def _staff_contacts(school_paths, exclude):
    """The staff of these schools: directors and staff rows, teachers and ATSEM of their
    classes."""
    found = {}
    for user_id, first, last, username, role, school in _staff_rows(school_paths):
        label = _("Director") if role == DIRECTOR else _("Teacher")
        found.setdefault(
            user_id, Contact(user_id, adult_name(first, last, username), f"{label} · {school}")
        )
    for user_id, first, last, username, role, _cid, title in _members(
        under_schools(school_paths), (TEACHER, ASSISTANT)
    ):
        if user_id not in found:
            label = _("Teacher") if role == TEACHER else _("ATSEM")
            found[user_id] = Contact(
                user_id, adult_name(first, last, username), f"{label} · {title}"
            )
    return [contact for user_id, contact in found.items() if user_id not in exclude]


def _pupils_and_families(class_query, exclude):
    """(pupils, parents) of these classes, each parent named with their child."""
    pupils = {}
    for user_id, first, last, username, _role, _cid, title in _members(class_query, (PUPIL,)):
        pupils.setdefault(user_id, Contact(user_id, pupil_name(first, last, username), title))
    parents = {}
    rows = (
        Guardianship.objects.filter(child_id__in=list(pupils), parent__is_active=True)
        .values_list(
            "parent_id", "parent__first_name", "parent__last_name", "parent__username", "child_id"
        )
        .order_by()
    )
    for parent_id, first, last, username, child_id in rows:
        child = pupils[child_id]
        detail = _("Parent %(of_child)s · %(class)s") % {
            "of_child": of_name(child.name),
            "class": child.detail,
        }
        if parent_id in parents:
            detail = f"{parents[parent_id].detail}; {detail}"
        parents[parent_id] = Contact(parent_id, adult_name(first, last, username), detail)
    return (
        [c for pk, c in pupils.items() if pk not in exclude],
        [c for pk, c in parents.items() if pk not in exclude],
    )


def classmates_allowed(class_ids) -> frozenset:
    return frozenset(
        ClassMessaging.objects.filter(
            classroom_id__in=class_ids, pupils_write_to_classmates=True
        ).values_list("classroom_id", flat=True)
    )


def contacts_of(user) -> Contacts:
    """Everyone `user` may start a conversation with (see the module's table), read in a
    few queries whatever the size of the school."""
    contacts = Contacts()
    if not (user.is_authenticated and user.is_active):
        return contacts
    person = person_of(user)
    me = {user.pk}
    pupil_classes = {p.page.pk: p.page for p in person.memberships if p.role == PUPIL}
    taught = {p.page.pk: p.page for p in person.memberships if p.role == TEACHER}
    assisted = {p.page.pk: p.page for p in person.memberships if p.role == ASSISTANT}
    directed = {p.page.path: p.page for p in person.staff if p.role == DIRECTOR}
    staff_schools = {p.page.path for p in person.staff}
    if pupil_classes:
        adults = _members(Q(classroom_id__in=list(pupil_classes)), (TEACHER, ASSISTANT))
        contacts.add(
            _("My teachers"),
            {
                Contact(
                    pk,
                    adult_name(f, last, u),
                    (_("Teacher") if r == TEACHER else _("ATSEM")) + f" · {t}",
                )
                for pk, f, last, u, r, _c, t in adults
            },
        )
        allowed = classmates_allowed(list(pupil_classes))
        if allowed:
            mates = _members(Q(classroom_id__in=list(allowed)), (PUPIL,))
            contacts.add(
                _("My classmates"),
                {
                    Contact(pk, pupil_name(f, last, u), t)
                    for pk, f, last, u, _r, _c, t in mates
                    if pk not in me
                },
            )
    if person.children_classes:
        class_ids = {place.page.pk for _child, place in person.children_classes}
        schools = {school_path_of(place.page.path) for _child, place in person.children_classes}
        found = {}
        for pk, f, last, u, _r, _c, t in _members(Q(classroom_id__in=list(class_ids)), (TEACHER,)):
            found.setdefault(pk, Contact(pk, adult_name(f, last, u), f"{_('Teacher')} · {t}"))
        for pk, f, last, u, _r, school in _staff_rows(schools, (DIRECTOR,)):
            found.setdefault(pk, Contact(pk, adult_name(f, last, u), f"{_('Director')} · {school}"))
        opened = _active(OpenToParents.objects.filter(school__path__in=schools)).values_list(
            "user_id", "user__first_name", "user__last_name", "user__username", "school__title"
        )
        for pk, f, last, u, school in opened:
            found.setdefault(
                pk, Contact(pk, adult_name(f, last, u), f"{_('School staff')} · {school}")
            )
        contacts.add(_("My children's school"), [c for pk, c in found.items() if pk not in me])
    own_schools = staff_schools | {
        school_path_of(page.path) for page in (*taught.values(), *assisted.values())
    }
    if own_schools:
        contacts.add(_("My school's staff"), _staff_contacts(own_schools, me))
    if taught or directed:
        class_query = Q(classroom_id__in=list(taught)) | under_schools(directed)
        pupils, parents = _pupils_and_families(class_query, me)
        contacts.add(_("Pupils"), pupils)
        contacts.add(_("Families"), parents)
        classes = ClassroomPage.objects.filter(
            Q(pk__in=list(taught)) | under_schools(directed, prefix="")
        ).values_list("pk", "title")
        contacts.family_classes = sorted(classes, key=lambda row: row[1])
    if directed:
        towns = SchoolPage.objects.filter(path__in=list(directed)).values_list("town", flat=True)
        agents = _active(
            MunicipalityAgent.objects.filter(municipality__town__in=[t for t in towns if t])
        ).values_list(
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__username",
            "municipality__title",
        )
        contacts.add(
            _("My town hall"),
            [
                Contact(pk, adult_name(f, last, u), m)
                for pk, f, last, u, m in agents
                if pk not in me
            ],
        )
    if person.agencies:
        towns = [town for town in _towns_of([place.page.pk for place in person.agencies]) if town]
        directors = _active(
            SchoolStaff.objects.filter(role=DIRECTOR, school__town__in=towns)
        ).values_list(
            "user_id", "user__first_name", "user__last_name", "user__username", "school__title"
        )
        contacts.add(
            _("Directors of my town's schools"),
            [
                Contact(pk, adult_name(f, last, u), f"{_('Director')} · {s}")
                for pk, f, last, u, s in directors
                if pk not in me
            ],
        )
    return contacts


def _towns_of(municipality_ids):
    from pages.models import MunicipalityPage

    return list(
        MunicipalityPage.objects.filter(pk__in=municipality_ids).values_list("town", flat=True)
    )


# --- Pupils' circles ------------------------------------------------------------------


def pupil_ids_among(user_ids) -> frozenset:
    """Those of these people who are pupils of a class."""
    return frozenset(
        Membership.objects.filter(user_id__in=list(user_ids), role=PUPIL).values_list(
            "user_id", flat=True
        )
    )


def circles(pupil_ids, starter_id) -> dict:
    """For each pupil, who may be in a conversation with them (see the module): the
    adults of their classes, their parents, their school's directors, and classmates
    when the class allows it or a teacher or ATSEM of the class started the conversation."""
    pupil_ids = list(pupil_ids)
    if not pupil_ids:
        return {}
    places = list(
        Membership.objects.filter(user_id__in=pupil_ids, role=PUPIL).values_list(
            "user_id", "classroom_id", "classroom__path"
        )
    )
    class_ids = {class_id for _u, class_id, _p in places}
    members = list(
        Membership.objects.filter(classroom_id__in=class_ids).values_list(
            "classroom_id", "user_id", "role"
        )
    )
    allowed = classmates_allowed(class_ids)
    led_by_adult = {c for c, u, role in members if u == starter_id and role in (TEACHER, ASSISTANT)}
    directors = {}
    school_paths = {school_path_of(path) for _u, _c, path in places}
    for path, user_id in SchoolStaff.objects.filter(
        school__path__in=school_paths, role=DIRECTOR
    ).values_list("school__path", "user_id"):
        directors.setdefault(path, set()).add(user_id)
    result = {pk: set() for pk in pupil_ids}
    for child_id, parent_id in Guardianship.objects.filter(child_id__in=pupil_ids).values_list(
        "child_id", "parent_id"
    ):
        result[child_id].add(parent_id)
    for pupil_id, class_id, path in places:
        result[pupil_id] |= directors.get(school_path_of(path), set())
        for c, user_id, role in members:
            if c != class_id:
                continue
            if role in (TEACHER, ASSISTANT) or (
                class_id in allowed
                or class_id in led_by_adult
                or starter_id in directors.get(school_path_of(path), set())
            ):
                result[pupil_id].add(user_id)
    return result


def refused_people(starter, recipient_ids) -> frozenset:
    """Those of the recipients `starter` may not be in a conversation with: outside
    their contacts, or outside the circle of a pupil in it. Empty when all is well."""
    recipient_ids = frozenset(recipient_ids) - {starter.pk}
    refused = set(recipient_ids - contacts_of(starter).ids)
    everyone = recipient_ids | {starter.pk}
    pupils = pupil_ids_among(everyone)
    for pupil_id, circle in circles(pupils, starter.pk).items():
        for outsider in everyone - circle - {pupil_id}:
            # The starter outside a pupil's circle: that pupil may not be in it.
            refused.add(pupil_id if outsider == starter.pk else outsider)
    return frozenset(refused & recipient_ids)


def may_post(user, conversation, participant_ids) -> bool:
    """Whether `user` may write in this conversation now: they are in it, and the rules
    still hold for its starter and everyone in it (the rows may have changed)."""
    if not (user.is_authenticated and user.is_active) or user.pk not in participant_ids:
        return False
    starter = conversation.started_by
    if starter is None or not starter.is_active:
        return False
    return not refused_people(starter, set(participant_ids) - {starter.pk})


def supervisors(conversation) -> frozenset:
    """Teachers who may read a conversation between pupils of their class."""
    if conversation.supervised_class_id is None:
        return frozenset()
    return frozenset(
        Membership.objects.filter(
            classroom_id=conversation.supervised_class_id, role=TEACHER, user__is_active=True
        ).values_list("user_id", flat=True)
    )


def supervised_class_for(starter, participant_ids):
    """The class whose teachers read a conversation between pupils only (None when an
    adult is in it): the class the pupils share."""
    participant_ids = set(participant_ids)
    if pupil_ids_among(participant_ids) != participant_ids:
        return None
    shared = None
    for user_id in participant_ids:
        classes = set(
            Membership.objects.filter(user_id=user_id, role=PUPIL).values_list(
                "classroom_id", flat=True
            )
        )
        shared = classes if shared is None else shared & classes
    return min(shared) if shared else None


def report_handlers(conversation, participant_ids, exclude=()) -> list:
    """Who is told of a report: the teachers of the pupils in the conversation; without
    pupils, or when those teachers are all excluded (the message's author, the person
    reporting: a class's only teacher supervising it, or reporting what she wrote), the
    directors of the schools its people belong to; failing that, the portal's
    administrators. Nobody excluded is ever told."""
    User = get_user_model()
    exclude = set(exclude)
    pupils = pupil_ids_among(participant_ids)
    if pupils:
        classes = Membership.objects.filter(user_id__in=pupils, role=PUPIL).values("classroom_id")
        teachers = (
            User.objects.filter(
                is_active=True, memberships__classroom_id__in=classes, memberships__role=TEACHER
            )
            .exclude(pk__in=exclude)
            .distinct()
        )
        if teachers:
            return list(teachers)
    paths = set(
        Membership.objects.filter(user_id__in=participant_ids).values_list(
            "classroom__path", flat=True
        )
    )
    paths |= set(
        Membership.objects.filter(
            user__guardians__parent_id__in=participant_ids, role=PUPIL
        ).values_list("classroom__path", flat=True)
    )
    schools = {school_path_of(path) for path in paths}
    schools |= set(
        SchoolStaff.objects.filter(user_id__in=participant_ids).values_list(
            "school__path", flat=True
        )
    )
    directors = list(
        User.objects.filter(
            is_active=True, school_roles__school__path__in=schools, school_roles__role=DIRECTOR
        )
        .exclude(pk__in=exclude)
        .distinct()
    )
    return directors or list(
        User.objects.filter(is_active=True, is_superuser=True).exclude(pk__in=exclude)
    )
