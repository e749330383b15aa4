"""An e-mail address alone never links an existing account to a pupil (issue 15, item 2b).

"Add a parent" and the ONDE import used to link whatever account had the address typed
or read from the file; the class's teacher could then give that account a new password
and read as its holder. Now a teacher's "Add a parent" or import makes a separate
account; a director's proposes the link, and it is made only once the account's holder
accepts it on their "Confirm a child" page.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from classrooms.models import Guardianship, Membership
from enrolment.models import ParentLinkRequest
from notifications.models import Notification
from tests import factories
from tests.enrolment.onde_files import PARENTS_HEADER, PUPILS_HEADER, csv_file

pytestmark = pytest.mark.django_db
User = get_user_model()


def url(name, **kwargs):
    return reverse(f"enrolment:{name}", kwargs=kwargs)


@pytest.fixture
def holder(portal):
    """Someone with a Préau account of their own, a parent in another school."""
    school = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    classroom = factories.ClassroomPageFactory(parent=school, title="CE2 du Bourg")
    child = factories.UserFactory(username="farpupil", first_name="Inès", last_name="Garnier")
    factories.MembershipFactory(user=child, classroom=classroom, role=Membership.Role.PUPIL)
    holder = factories.UserFactory(
        username="holder", first_name="Nadia", last_name="Garnier", email="nadia@example.org"
    )
    factories.GuardianshipFactory(parent=holder, child=child)
    return holder


def add_parent(client, world, email="Nadia@Example.org"):
    return client.post(
        url("parent_add", classroom_id=world.classroom.pk, pupil_id=world.pupil.pk),
        {"first_name": "Nadia", "last_name": "Garnier", "email": email},
    )


def follows(parent, child):
    return Guardianship.objects.filter(parent=parent, child=child).exists()


def card_username(html):
    return re.search(r'class="login-card__username">([^<]+)<', html).group(1)


# "Add a parent"


def test_a_teacher_typing_an_existing_address_makes_a_separate_account(client, world, holder):
    client.force_login(world.teacher)

    response = add_parent(client, world)

    assert response.status_code == 200
    html = response.content.decode()
    assert "la direction" in html  # who can link the existing account instead
    separate = User.objects.get(username=card_username(html))
    assert separate != holder and separate.email == "nadia@example.org"
    assert follows(separate, world.pupil) and not follows(holder, world.pupil)
    assert not ParentLinkRequest.objects.exists()
    # The holder's account stays out of the teacher's reach.
    response = client.post(
        url("reset_password", classroom_id=world.classroom.pk, user_id=holder.pk)
    )
    assert response.status_code == 404
    holder.refresh_from_db()
    assert holder.check_password(factories.TEST_PASSWORD)


def test_the_same_address_again_for_the_same_child_changes_nothing(client, world, holder):
    client.force_login(world.teacher)
    separate = User.objects.get(username=card_username(add_parent(client, world).content.decode()))
    users = User.objects.count()

    response = add_parent(client, world)

    assert response.status_code == 302
    assert User.objects.count() == users
    assert "suit déjà" in client.get(response["Location"]).content.decode()
    assert follows(separate, world.pupil)


def test_a_director_proposes_the_link_and_the_holder_accepts_it(client, world, holder):
    client.force_login(world.director)

    response = add_parent(client, world)

    assert response.status_code == 302
    assert not follows(holder, world.pupil)
    assert User.objects.filter(email__iexact="nadia@example.org").count() == 1
    link = ParentLinkRequest.objects.get(parent=holder, child=world.pupil)
    assert link.status == ParentLinkRequest.Status.PENDING
    roster = client.get(response["Location"]).content.decode()
    assert "Nadia Garnier doit confirmer" in roster
    # The holder is told, in the header's notifications and by e-mail.
    (notice,) = Notification.objects.filter(recipient=holder)
    assert notice.url == url("link_requests")

    client.force_login(holder)
    page = client.get(notice.url).content.decode()
    assert "Léa M." in page and "École Jean-Jaurès" in page and "CP de Mme Durand" in page
    response = client.post(url("answer_link_request", request_id=link.pk), {"answer": "accept"})

    assert response.status_code == 302
    assert follows(holder, world.pupil)
    assert not ParentLinkRequest.objects.exists()
    assert Notification.objects.filter(recipient=world.director).count() == 1
    # The holder keeps their password: nobody printed a card.
    holder.refresh_from_db()
    assert holder.check_password(factories.TEST_PASSWORD)


def test_the_roster_shows_the_name_the_school_typed_not_the_holders(client, world, holder):
    """Staff typed an address: who holds the account that uses it is not theirs to learn,
    neither while the holder is asked nor once they decline."""
    client.force_login(world.director)
    response = client.post(
        url("parent_add", classroom_id=world.classroom.pk, pupil_id=world.pupil.pk),
        {"first_name": "Amina", "last_name": "Benali", "email": "nadia@example.org"},
    )
    link = ParentLinkRequest.objects.get(parent=holder, child=world.pupil)
    roster = client.get(response["Location"]).content.decode()
    assert "Amina Benali doit confirmer" in roster
    assert "Nadia" not in roster and "Garnier" not in roster

    client.force_login(holder)
    client.post(url("answer_link_request", request_id=link.pk), {"answer": "decline"})
    (notice,) = Notification.objects.filter(recipient=world.director)
    assert "Amina Benali" in str(notice.message) and "Garnier" not in str(notice.message)


def test_a_declined_link_is_not_made_and_the_director_may_then_make_an_account(
    client, world, holder
):
    client.force_login(world.director)
    add_parent(client, world)
    link = ParentLinkRequest.objects.get()

    client.force_login(holder)
    client.post(url("answer_link_request", request_id=link.pk), {"answer": "decline"})

    assert not follows(holder, world.pupil)
    link.refresh_from_db()
    assert link.status == ParentLinkRequest.Status.DECLINED
    assert Notification.objects.filter(recipient=world.director).count() == 1
    answer_url = url("answer_link_request", request_id=link.pk)
    assert answer_url not in client.get(url("link_requests")).content.decode()

    client.force_login(world.director)
    response = add_parent(client, world)
    assert response.status_code == 200
    separate = User.objects.get(username=card_username(response.content.decode()))
    assert separate != holder and follows(separate, world.pupil)


def test_only_the_holder_answers_and_only_once(client, world, holder):
    client.force_login(world.director)
    add_parent(client, world)
    link = ParentLinkRequest.objects.get()
    answer_url = url("answer_link_request", request_id=link.pk)

    for someone in (world.director, world.teacher, world.parent):
        client.force_login(someone)
        assert client.post(answer_url, {"answer": "accept"}).status_code == 404
        assert answer_url not in client.get(url("link_requests")).content.decode()
    assert not follows(holder, world.pupil)

    client.force_login(holder)
    assert client.get(answer_url).status_code == 405
    assert client.post(answer_url, {"answer": "maybe"}).status_code == 404
    client.post(answer_url, {"answer": "accept"})
    assert client.post(answer_url, {"answer": "decline"}).status_code == 404
    assert follows(holder, world.pupil)


def test_anonymous_visitors_are_sent_to_log_in(client, world, holder):
    response = client.get(url("link_requests"))
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]


# The ONDE import


def upload(data, name):
    return SimpleUploadedFile(name, data, content_type="text/csv")


PUPILS = csv_file(PUPILS_HEADER, "MARTIN;Zoé;04/09/2019;CP;CP A;Oui")
PARENTS = csv_file(PARENTS_HEADER, "GARNIER;Nadia;nadia@example.org;MARTIN;Zoé;04/09/2019")


def class_import(client, world):
    response = client.post(
        url("class_import", classroom_id=world.classroom.pk),
        {
            "class_label": "CP A",
            "pupils_file": upload(PUPILS, "eleves.csv"),
            "parents_file": upload(PARENTS, "responsables.csv"),
        },
    )
    assert response.status_code == 200
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', response.content.decode())
    if digest is None:  # nothing to import
        return response, None
    applied = client.post(
        url("class_import_apply", classroom_id=world.classroom.pk), {"digest": digest.group(1)}
    )
    assert applied.status_code == 200
    return response, applied


def test_a_teachers_import_makes_a_separate_account_once(client, world, holder):
    client.force_login(world.teacher)

    preview, _applied = class_import(client, world)

    assert "nadia@example.org" in preview.content.decode()
    zoe = User.objects.get(first_name="Zoé")
    assert not follows(holder, zoe)
    (separate,) = User.objects.filter(email="nadia@example.org").exclude(pk=holder.pk)
    assert follows(separate, zoe)
    assert not ParentLinkRequest.objects.exists()

    # The same file again: the separate account is the parent already; nothing new.
    users = User.objects.count()
    class_import(client, world)
    assert User.objects.count() == users


def test_a_directors_import_asks_the_holder(client, world, holder):
    client.force_login(world.director)

    preview, applied = class_import(client, world)

    assert "doit confirmer" in preview.content.decode()
    zoe = User.objects.get(first_name="Zoé")
    assert not follows(holder, zoe)
    assert User.objects.filter(email="nadia@example.org").count() == 1
    link = ParentLinkRequest.objects.get(parent=holder, child=zoe)
    assert link.typed_name == "Nadia GARNIER"  # as the file says, what staff see
    assert Notification.objects.filter(recipient=holder).count() == 1
    # Importing again asks nothing twice.
    class_import(client, world)
    assert ParentLinkRequest.objects.count() == 1
    assert Notification.objects.filter(recipient=holder).count() == 1

    client.force_login(holder)
    client.post(url("answer_link_request", request_id=link.pk), {"answer": "accept"})
    assert follows(holder, zoe)
