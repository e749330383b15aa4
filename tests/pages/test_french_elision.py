"""French elides "de" before a name starting with a vowel sound: « le compte d’Adam
Haddad », « parent d’Adam H. », but « de Léa », « de Yanis », « de Hugues »."""

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import translation

from classrooms.models import Membership
from pages.french import de, elide
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Adam", "d’Adam"),
        ("Élodie", "d’Élodie"),
        ("Œdipe", "d’Œdipe"),
        ("Inès", "d’Inès"),
        ("Hélène", "d’Hélène"),
        ("Yves", "d’Yves"),
        ("Léa", "de Léa"),
        ("Yanis", "de Yanis"),
        ("Hugues", "de Hugues"),
        ("Hamid B.", "de Hamid B."),
    ],
)
def test_de_before_a_name(name, expected):
    assert de(name) == expected


def test_elide_rewrites_only_the_names_it_is_given_and_only_in_french():
    with translation.override("fr"):
        assert elide("le compte de Adam Haddad", "Adam Haddad") == "le compte d’Adam Haddad"
        assert elide("De Adam ou de Internet", "Adam") == "D’Adam ou de Internet"
    with translation.override("en"):
        assert elide("de Adam", "Adam") == "de Adam"


def test_the_template_filter_keeps_escaped_names():
    template = engines.all()[0].from_string(
        "{% load i18n french %}{% blocktranslate asvar s with name=n %}"
        "the account of {{ name }}{% endblocktranslate %}{{ s|elide:n }}"
    )
    with translation.override("fr"):
        assert template.render({"n": "Ana <b>"}) == "le compte d’Ana &lt;b&gt;"


def test_the_roster_says_the_account_of_adam(client, world):
    adam = factories.UserFactory(username="adam", first_name="Adam", last_name="Haddad")
    factories.MembershipFactory(user=adam, classroom=world.classroom, role=Membership.Role.PUPIL)
    factories.GuardianshipFactory(parent=world.parent, child=adam)
    client.force_login(world.teacher)
    html = client.get(
        reverse("enrolment:roster", kwargs={"classroom_id": world.classroom.pk})
    ).content.decode()
    assert "le compte d’Adam Haddad" in html and "de Adam" not in html
    assert "Responsables légaux d’Adam Haddad" in html
