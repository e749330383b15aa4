"""The header leads each person to their own spaces, with a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from classrooms.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


def spaces_nav(client):
    html = client.get("/compte/mes-espaces/").content.decode()
    return html


def test_pupil_sees_their_class(client, world):
    client.force_login(world.pupil)
    html = spaces_nav(client)
    assert "CP de Mme Durand" in html
    assert "CM1 de M. Petit" not in html


def test_parent_sees_each_child_with_their_class(client, world):
    client.force_login(world.parent)
    html = spaces_nav(client)
    assert "Léa M." in html and "CP de Mme Durand" in html
    assert "CM1 de M. Petit" not in html


def test_teacher_sees_their_classes(client, world):
    client.force_login(world.teacher)
    html = spaces_nav(client)
    assert "CP de Mme Durand" in html and "Enseignant" in html


def test_director_sees_their_school_and_its_classes(client, world, portal):
    other_school = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    factories.ClassroomPageFactory(parent=other_school, title="CE2 du Bourg")
    client.force_login(world.director)
    html = spaces_nav(client)
    assert "École Jean-Jaurès" in html and "Direction" in html
    assert "CP de Mme Durand" in html and "CM1 de M. Petit" in html
    assert "Classe de mon école" in html
    assert "CE2 du Bourg" not in html


def test_person_without_role_is_told_why(client, world):
    client.force_login(world.outsider)
    html = spaces_nav(client)
    assert "ne faites partie d’aucune classe" in html


def test_spaces_cost_the_same_queries_for_one_or_many_classes(client, world, portal):
    client.force_login(world.parent)
    client.get("/compte/mes-espaces/")  # fills Wagtail's per-process caches
    client.get("/compte/mes-espaces/")  # and what requests keep (performance/versions.py)
    with CaptureQueriesContext(connection) as few:
        client.get("/compte/mes-espaces/")
    for number in range(5):
        child = factories.UserFactory(username=f"child{number}")
        classroom = factories.ClassroomPageFactory(parent=world.school, title=f"Classe {number}")
        factories.MembershipFactory(user=child, classroom=classroom, role=Membership.Role.PUPIL)
        factories.GuardianshipFactory(parent=world.parent, child=child)
    client.get("/compte/mes-espaces/")  # the new rows are read once, then kept
    with CaptureQueriesContext(connection) as many:
        html = client.get("/compte/mes-espaces/").content.decode()
    assert "Classe 4" in html
    assert len(many) == len(few)


def test_staff_reach_account_management_from_their_spaces(client, world):
    client.force_login(world.teacher)
    html = spaces_nav(client)
    assert f"/ecole/classe/{world.classroom.pk}/" in html and "Gérer la classe" in html
    client.force_login(world.director)
    html = spaces_nav(client)
    assert f"/ecole/{world.school.pk}/" in html and "Gérer l’école" in html


def test_pupils_and_parents_get_no_management_link(client, world):
    for who in (world.pupil, world.parent):
        client.force_login(who)
        html = spaces_nav(client)
        assert "/ecole/" not in html
        assert "/ecole/" not in client.get(world.classroom.url).content.decode()


def test_class_page_offers_management_to_its_teacher(client, world):
    client.force_login(world.teacher)
    html = client.get(world.classroom.url).content.decode()
    assert f"/ecole/classe/{world.classroom.pk}/" in html


def test_a_directors_header_names_the_school_not_every_class(client, world):
    client.force_login(world.director)
    html = client.get("/").content.decode()
    header = html[html.index('class="header-menu spaces-switcher"') : html.index("</header>")]
    assert "École Jean-Jaurès" in header
    assert "CP de Mme Durand" not in header
