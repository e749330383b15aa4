"""Issues: assembled and published by the space's teachers, read by their audience only,
public only with the families' consent, printable, in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from classrooms.models import Membership
from enrolment.models import PupilRecord
from newspaper.models import Article, Issue
from notifications.models import Notification
from pages.models import SchoolStaff
from sharedspaces.models import SpaceClass
from tests import factories
from tests.newspaper.helpers import make_article, make_issue, url

pytestmark = pytest.mark.django_db


def test_teacher_assembles_and_publishes_an_issue(client, space_world, space):
    w = space_world
    first = make_article(space, w.host, [w.host_pupil], title="La kermesse")
    second = make_article(space, w.guest, [w.guest_pupil], title="Au musée", section="Nos sorties")
    draft = make_article(
        space, w.host, [w.host_pupil], title="Brouillon", status=Article.Status.DRAFT
    )
    client.force_login(w.host_teacher)
    response = client.post(url("new_issue", space))
    issue = Issue.objects.get()
    assert issue.number == 1 and response.status_code == 302
    page = client.get(url("assemble", space, issue_id=issue.pk)).content.decode()
    assert "La kermesse" in page and "Au musée" in page and "Brouillon" not in page
    response = client.post(
        url("assemble", space, issue_id=issue.pk),
        {
            "title": "Printemps",
            "audience": "families",
            f"a{first.pk}-in": "on",
            f"a{first.pk}-section": "La vie de l'école",
            f"a{first.pk}-position": "2",
            f"a{second.pk}-in": "on",
            f"a{second.pk}-section": "Nos sorties",
            f"a{second.pk}-position": "1",
            f"a{draft.pk}-in": "on",
            "action": "publish",
        },
    )
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.published_at is not None and issue.audience == "families"
    assert [p.article for p in issue.placements.order_by("position")] == [second, first]
    assert Notification.objects.filter(
        recipient=w.guest_teacher, kind="newspaper_issue_published"
    ).exists()
    assert Notification.objects.filter(
        recipient=w.guest_pupil, kind="newspaper_issue_published"
    ).exists()
    # The families it is for find it in their bell; nobody outside the space does.
    for parent in (w.host_parent, w.guest_parent):
        assert Notification.objects.filter(
            recipient=parent, kind="newspaper_issue_published"
        ).exists()
    assert not Notification.objects.filter(
        recipient__in=[w.third_teacher, w.third_pupil], kind="newspaper_issue_published"
    ).exists()
    page = client.get(url("issue", space, issue_id=issue.pk)).content.decode()
    assert "N° 1" in page and "Nos sorties" in page and "Emma · CE2 de Mme Petit" in page
    assert "data-print" in page
    # A second issue is N° 2; a published one is no longer assembled.
    client.post(url("new_issue", space))
    assert Issue.objects.filter(space=space, number=2).exists()
    assert client.get(url("assemble", space, issue_id=issue.pk)).status_code == 404
    # Pupils and the other class's teacher do not assemble.
    for person in (w.host_pupil, w.third_teacher):
        client.force_login(person)
        assert client.post(url("new_issue", space)).status_code == 404


def test_an_issue_being_prepared_is_for_those_who_assemble_it(client, space_world, space):
    w = space_world
    issue = make_issue(space, [make_article(space, w.host, [w.host_pupil])], published=False)
    for teacher in (w.host_teacher, w.guest_teacher):
        client.force_login(teacher)
        assert client.get(url("issue", space, issue_id=issue.pk)).status_code == 200
    for reader in (w.host_pupil, w.host_parent, w.director_a, w.third_pupil):
        client.force_login(reader)
        assert client.get(url("issue", space, issue_id=issue.pk)).status_code == 404
    client.logout()
    response = client.get(url("issue", space, issue_id=issue.pk))
    assert response.status_code == 302 and "/connexion/" in response["Location"]


def test_audiences(client, space_world):
    from tests.sharedspaces.conftest import make_space

    w = space_world
    space = make_space(w, "newspaper", parents_read=False)
    article = make_article(space, w.host, [w.host_pupil], photo=True)
    media = article.media.get()
    families = make_issue(space, [article], audience=Issue.Audience.FAMILIES)
    schools = make_issue(space, [article], audience=Issue.Audience.SCHOOLS)
    public = make_issue(space, [article], audience=Issue.Audience.PUBLIC)
    members = make_issue(space, [article], audience=Issue.Audience.MEMBERS)
    other_school = factories.SchoolPageFactory(parent=w.school_a.get_parent(), title="École C")
    other_class = factories.ClassroomPageFactory(parent=other_school, title="CM2 C")
    other_child = factories.UserFactory(username="otherchild")
    Membership.objects.create(user=other_child, classroom=other_class, role=Membership.Role.PUPIL)
    other_parent = factories.UserFactory(username="otherparent")
    factories.GuardianshipFactory(parent=other_parent, child=other_child)

    def status(issue):
        return client.get(url("issue", space, issue_id=issue.pk)).status_code

    # The host pupil's parent: parents do not read this space, but read a families issue.
    client.force_login(w.host_parent)
    assert status(families) == 200 and status(schools) == 200 and status(public) == 200
    assert status(members) == 404
    assert client.get(url("home", space)).status_code == 404
    assert client.get(url("media", space, media_id=media.pk, name=media.name)).status_code == 200
    # A parent of another school reads only the public issue.
    client.force_login(other_parent)
    assert [status(i) for i in (members, families, schools, public)] == [404, 404, 404, 200]
    # The third class (same school as the host class) reads the schools' issue.
    client.force_login(w.third_pupil)
    assert [status(i) for i in (members, families, schools, public)] == [404, 404, 200, 200]
    # Anonymous: the public issue and its files only; else asked to sign in.
    client.logout()
    assert [status(i) for i in (members, families, schools, public)] == [302, 302, 302, 200]
    assert client.get(url("media", space, media_id=media.pk, name=media.name)).status_code == 200
    public.delete()
    assert client.get(url("media", space, media_id=media.pk, name=media.name)).status_code == 302


def test_public_refused_without_consent(client, space_world, space):
    w = space_world
    article = make_article(space, w.host, [w.host_pupil], title="Le potager", photo=True)
    issue = make_issue(space, [article], published=False)
    client.force_login(w.host_teacher)
    data = {
        "audience": "public",
        f"a{article.pk}-in": "on",
        f"a{article.pk}-section": "",
        f"a{article.pk}-position": "1",
        "action": "publish",
    }
    response = client.post(url("assemble", space, issue_id=issue.pk), data)
    assert response.status_code == 200
    assert (
        "The article “Le potager” has a photo by Lucas, whose family has not agreed to their "
        "photos in public" in response.content.decode()
    )
    issue.refresh_from_db()
    assert issue.published_at is None
    PupilRecord.objects.create(user=w.host_pupil, school=w.school_a, birth_date="2016-03-01")
    factories.give_consent(w.host_pupil, "photo_school")
    response = client.post(url("assemble", space, issue_id=issue.pk), data)
    assert response.status_code == 200  # the school's "yes" is not the public's
    factories.give_consent(w.host_pupil, "photo_public")
    response = client.post(url("assemble", space, issue_id=issue.pk), data)
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.published_at is not None and issue.audience == "public"


def test_class_that_left_keeps_its_signed_articles(client, space_world, space):
    w = space_world
    article = make_article(space, w.guest, [w.guest_pupil], title="Au musée")
    issue = make_issue(space, [article], audience=Issue.Audience.FAMILIES)
    SpaceClass.objects.filter(space=space, classroom=w.guest).update(status=SpaceClass.Status.LEFT)
    client.force_login(w.guest_pupil)
    assert client.get(url("issue", space, issue_id=issue.pk)).status_code == 404
    assert client.get(url("article", space, article_id=article.pk)).status_code == 404
    client.force_login(w.host_pupil)
    page = client.get(url("issue", space, issue_id=issue.pk)).content.decode()
    assert "Au musée" in page and "Emma · CE2 de Mme Petit" in page
    assert "Test" not in page.split("<main", 1)[1]  # first names only


def _issue_queries(client, space, issue):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("issue", space, issue_id=issue.pk))
    assert response.status_code == 200
    return len(queries)


def test_issue_page_queries_do_not_grow_with_articles(client, space_world, space):
    w = space_world
    SchoolStaff.objects.filter(user=w.director_a).delete()

    def issue_of(count):
        articles = [
            make_article(
                space, w.host, [w.host_pupil], title=f"Article {n}", photo=True, audio=True
            )
            for n in range(count)
        ]
        return make_issue(space, articles)

    small, large = issue_of(3), issue_of(30)
    client.force_login(w.host_parent)
    _issue_queries(client, space, small)
    assert _issue_queries(client, space, small) == _issue_queries(client, space, large)


def test_home_and_assembly_queries_do_not_grow_with_articles(client, space_world, space):
    w = space_world
    client.force_login(w.host_teacher)
    issue = make_issue(space, [], published=False)

    def counts():
        result = []
        for address in (url("home", space), url("assemble", space, issue_id=issue.pk)):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(address).status_code == 200
            result.append(len(queries))
        return result

    def add(count, status):
        for n in range(count):
            make_article(
                space, w.host, [w.host_teacher, w.host_pupil], title=f"A{n}", status=status
            )

    add(2, Article.Status.APPROVED)
    add(1, Article.Status.SUBMITTED)
    make_issue(space, Article.objects.filter(status="approved")[:1])
    counts()
    small = counts()
    add(20, Article.Status.APPROVED)
    add(10, Article.Status.SUBMITTED)
    make_issue(space, Article.objects.filter(status="approved")[1:6])
    assert counts() == small
