"""The recipient picker lists exactly the people the rules allow (messaging/rules.py), for
every kind of person, and never a forbidden one: another class's parent, another school's
pupil, the children of other parents... A request naming anyone else is forged: 404, and
nothing is written."""

import re
from dataclasses import dataclass

import pytest
from django.urls import reverse

from classrooms.models import Membership
from messaging import rules
from messaging.models import ClassMessaging, Conversation, Message, OpenToParents
from pages.models import SchoolStaff
from tests import factories

pytestmark = pytest.mark.django_db

TEACHER = Membership.Role.TEACHER
ASSISTANT = Membership.Role.ASSISTANT
PUPIL = Membership.Role.PUPIL


@dataclass
class Town:
    people: dict  # short name → user
    class_a1: object
    class_a2: object
    class_b1: object

    def ids(self, *names):
        return {self.people[name].pk for name in names}


@pytest.fixture
def town(portal):
    """School A (classes A1, A2) in a town with an agent; school B (class B1) elsewhere."""
    school_a = factories.SchoolPageFactory(parent=portal, title="École A", town="Ville-A")
    school_b = factories.SchoolPageFactory(parent=portal, title="École B", town="Ville-B")
    municipality = factories.MunicipalityPageFactory(
        parent=portal, title="Mairie A", town="Ville-A"
    )
    # A town without a school of the portal: its agent has nobody to write to.
    far_town = factories.MunicipalityPageFactory(parent=portal, title="Mairie C", town="Ville-C")
    a1 = factories.ClassroomPageFactory(parent=school_a, title="CP A1")
    a2 = factories.ClassroomPageFactory(parent=school_a, title="CM1 A2")
    b1 = factories.ClassroomPageFactory(parent=school_b, title="CE2 B1")
    names = {
        "pupil_a1": ("Léa", "Martin"),
        "mate_a1": ("Hugo", "Lenoir"),
        "pupil_a2": ("Tom", "Petit"),
        "pupil_b1": ("Inès", "Garnier"),
        "parent_a1": ("Sophie", "Martin"),
        "parent_mate_a1": ("Julien", "Lenoir"),
        "parent_a2": ("Marc", "Petit"),
        "parent_b1": ("Karim", "Garnier"),
        "teacher_a1": ("Claire", "Durand"),
        "assistant_a1": ("Sylvie", "Marchand"),
        "teacher_a2": ("Paul", "Lemoine"),
        "teacher_b1": ("Bruno", "Vasseur"),
        "nurse_a": ("Odile", "Bernard"),
        "director_a": ("Anne", "Roux"),
        "director_b": ("Catherine", "Vidal"),
        "agent_a": ("Nathalie", "Roussel"),
        "agent_c": ("Gérard", "Moulin"),
        "nobody": ("Yves", "Dupuis"),
    }
    people = {
        key: factories.UserFactory(username=key, first_name=first, last_name=last)
        for key, (first, last) in names.items()
    }
    for key, room, role in (
        ("pupil_a1", a1, PUPIL),
        ("mate_a1", a1, PUPIL),
        ("pupil_a2", a2, PUPIL),
        ("pupil_b1", b1, PUPIL),
        ("teacher_a1", a1, TEACHER),
        ("assistant_a1", a1, ASSISTANT),
        ("teacher_a2", a2, TEACHER),
        ("teacher_b1", b1, TEACHER),
    ):
        factories.MembershipFactory(user=people[key], classroom=room, role=role)
    for parent, child in (
        ("parent_a1", "pupil_a1"),
        ("parent_mate_a1", "mate_a1"),
        ("parent_a2", "pupil_a2"),
        ("parent_b1", "pupil_b1"),
    ):
        factories.GuardianshipFactory(parent=people[parent], child=people[child])
    for key, school, role in (
        ("teacher_a1", school_a, SchoolStaff.Role.TEACHER),
        ("teacher_a2", school_a, SchoolStaff.Role.TEACHER),
        ("nurse_a", school_a, SchoolStaff.Role.TEACHER),
        ("teacher_b1", school_b, SchoolStaff.Role.TEACHER),
        ("director_a", school_a, SchoolStaff.Role.DIRECTOR),
        ("director_b", school_b, SchoolStaff.Role.DIRECTOR),
    ):
        factories.SchoolStaffFactory(user=people[key], school=school, role=role)
    factories.MunicipalityAgentFactory(user=people["agent_a"], municipality=municipality)
    factories.MunicipalityAgentFactory(user=people["agent_c"], municipality=far_town)
    OpenToParents.objects.create(school=school_a, user=people["nurse_a"])
    return Town(people, a1, a2, b1)


# Who each person may write to (messaging/rules.py), with the classes off for classmates.
ALLOWED = {
    "pupil_a1": {"teacher_a1", "assistant_a1"},
    "mate_a1": {"teacher_a1", "assistant_a1"},
    "pupil_a2": {"teacher_a2"},
    "pupil_b1": {"teacher_b1"},
    "parent_a1": {"teacher_a1", "director_a", "nurse_a"},
    "parent_mate_a1": {"teacher_a1", "director_a", "nurse_a"},
    "parent_a2": {"teacher_a2", "director_a", "nurse_a"},
    "parent_b1": {"teacher_b1", "director_b"},
    "teacher_a1": {
        *("teacher_a2", "assistant_a1", "nurse_a", "director_a"),
        *("pupil_a1", "mate_a1", "parent_a1", "parent_mate_a1"),
    },
    "assistant_a1": {"teacher_a1", "teacher_a2", "nurse_a", "director_a"},
    "teacher_a2": {"teacher_a1", "assistant_a1", "nurse_a", "director_a", "pupil_a2", "parent_a2"},
    "teacher_b1": {"director_b", "pupil_b1", "parent_b1"},
    "nurse_a": {"teacher_a1", "teacher_a2", "assistant_a1", "director_a"},
    "director_a": {
        *("teacher_a1", "teacher_a2", "assistant_a1", "nurse_a", "agent_a"),
        *("pupil_a1", "mate_a1", "pupil_a2", "parent_a1", "parent_mate_a1", "parent_a2"),
    },
    "director_b": {"teacher_b1", "pupil_b1", "parent_b1"},
    "agent_a": {"director_a"},
    "agent_c": set(),
    "nobody": set(),
}
# Classes whose every family a person may write to at once.
FAMILY_CLASSES = {
    "teacher_a1": {"a1"},
    "teacher_a2": {"a2"},
    "director_a": {"a1", "a2"},
    "teacher_b1": {"b1"},
    "director_b": {"b1"},
}


def picker(html):
    """The recipient picker of the new-message page: the ids it offers and its text."""
    match = re.search(r'<fieldset class="field recipient-picker.*?</fieldset>', html, re.S)
    if match is None:
        return set(), ""
    section = match.group(0)
    return {int(pk) for pk in re.findall(r'name="to" value="(\d+)"', section)}, section


def family_options(html):
    match = re.search(r'<select name="families_of".*?</select>', html, re.S)
    return {int(pk) for pk in re.findall(r'value="(\d+)"', match.group(0))} if match else set()


def test_every_role_of_the_table_is_in_the_town(town):
    assert set(ALLOWED) == set(town.people)


@pytest.mark.parametrize("who", sorted(ALLOWED))
def test_the_picker_lists_exactly_the_allowed_people(client, town, who):
    me = town.people[who]
    expected = town.ids(*ALLOWED[who])
    forbidden = [key for key in town.people if key not in ALLOWED[who] and key != who]

    assert rules.contacts_of(me).ids == expected
    client.force_login(me)
    response = client.get(reverse("messaging:new"))
    assert response.status_code == 200
    offered, section = picker(response.content.decode())
    assert offered == expected
    for key in forbidden:
        person = town.people[key]
        assert person.last_name not in section, f"{who} is offered {key}"
    classes = {"a1": town.class_a1.pk, "a2": town.class_a2.pk, "b1": town.class_b1.pk}
    wanted = {classes[name] for name in FAMILY_CLASSES.get(who, set())}
    assert {pk for pk, _title in rules.contacts_of(me).family_classes} == wanted
    assert family_options(response.content.decode()) == wanted


def test_classmates_appear_only_once_their_class_allows_it(client, town):
    ClassMessaging.objects.create(classroom=town.class_a1, pupils_write_to_classmates=True)
    pupil = town.people["pupil_a1"]

    assert rules.contacts_of(pupil).ids == town.ids("teacher_a1", "assistant_a1", "mate_a1")
    # Another class's pupils stay out, even when their class allows it too.
    ClassMessaging.objects.create(classroom=town.class_a2, pupils_write_to_classmates=True)
    assert town.people["pupil_a2"].pk not in rules.contacts_of(pupil).ids
    client.force_login(pupil)
    offered, _section = picker(client.get(reverse("messaging:new")).content.decode())
    assert offered == town.ids("teacher_a1", "assistant_a1", "mate_a1")


def test_a_parent_is_never_offered_other_parents_children(town):
    """Nor their own child (parents write to the school, not to pupils)."""
    contacts = rules.contacts_of(town.people["parent_a1"]).ids
    pupils = town.ids("pupil_a1", "mate_a1", "pupil_a2", "pupil_b1")
    assert not contacts & pupils


def test_an_ended_membership_takes_people_out_of_the_picker(town):
    Membership.objects.filter(user=town.people["teacher_a1"]).delete()

    assert town.people["teacher_a1"].pk not in rules.contacts_of(town.people["parent_a1"]).ids
    assert town.people["pupil_a1"].pk not in rules.contacts_of(town.people["teacher_a1"]).ids


def test_an_inactive_person_is_never_offered(town):
    teacher = town.people["teacher_a1"]
    teacher.is_active = False
    teacher.save()

    for who in ("pupil_a1", "parent_a1", "director_a", "assistant_a1"):
        assert teacher.pk not in rules.contacts_of(town.people[who]).ids


# Forged requests: a recipient the picker never offered.

OUTSIDE_ADULTS = ["teacher_a2", "director_a", "parent_a2", "teacher_b1", "agent_a", "parent_a1"]


@pytest.mark.parametrize("outsider", OUTSIDE_ADULTS)
def test_a_pupils_forged_post_to_an_adult_outside_their_class_is_404(client, town, outsider):
    client.force_login(town.people["pupil_a1"])

    for to in ([outsider], ["teacher_a1", outsider]):
        response = client.post(
            reverse("messaging:new"),
            {"to": [town.people[key].pk for key in to], "subject": "Coucou", "body": "Bonjour"},
        )
        assert response.status_code == 404
    assert not Conversation.objects.exists()
    assert not Message.objects.exists()


def test_the_refusal_is_in_the_rules_too_not_only_in_the_form(town):
    """services.start() is refused by refused_people() whatever a form let through."""
    pupil = town.people["pupil_a1"]
    for key in OUTSIDE_ADULTS + ["pupil_a2", "pupil_b1", "mate_a1"]:
        assert rules.refused_people(pupil, {town.people[key].pk}) == town.ids(key), key
    assert rules.refused_people(pupil, town.ids("teacher_a1", "assistant_a1")) == frozenset()


def test_an_adult_may_not_put_a_pupil_with_a_stranger(town):
    """The teacher may write to her pupil and to another class's teacher, but not to both
    at once: a pupil is only with the adults of their class, their parents and director."""
    teacher = town.people["teacher_a1"]

    assert rules.refused_people(teacher, town.ids("pupil_a1", "parent_a1")) == frozenset()
    refused = rules.refused_people(teacher, town.ids("pupil_a1", "teacher_a2"))
    assert refused == town.ids("teacher_a2")
    refused = rules.refused_people(teacher, town.ids("pupil_a1", "parent_mate_a1"))
    assert refused == town.ids("parent_mate_a1")


@pytest.mark.parametrize(
    ("who", "forged"),
    [
        ("parent_a1", "parent_a2"),  # another class's parent
        ("parent_a1", "pupil_a1"),  # even their own child
        ("teacher_a1", "pupil_a2"),  # another class's pupil
        ("teacher_a1", "pupil_b1"),  # another school's pupil
        ("director_a", "parent_b1"),  # another school's parent
        ("agent_a", "teacher_a1"),  # a teacher of the town's school
        ("assistant_a1", "parent_a1"),  # an ATSEM writes to the staff only
    ],
)
def test_a_forged_recipient_is_404_for_adults_too(client, town, who, forged):
    client.force_login(town.people[who])

    response = client.post(
        reverse("messaging:new"),
        {"to": [town.people[forged].pk], "subject": "Objet", "body": "Bonjour"},
    )

    assert response.status_code == 404
    assert not Conversation.objects.exists()


def test_a_forged_class_of_families_is_404(client, town):
    client.force_login(town.people["teacher_a1"])

    response = client.post(
        reverse("messaging:new"),
        {"families_of": town.class_a2.pk, "subject": "Sortie", "body": "Bonjour"},
    )

    assert response.status_code == 404
    assert not Conversation.objects.exists()
