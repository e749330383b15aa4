"""A closed class is its year's archive: read-only for everyone, read by its families
until `families_until`, then by its teachers and the director only."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from classrooms.models import ClassroomPage
from schoolyear.archives import add_months, close_classroom, expire_family_reading
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(world):
    factories.MembershipFactory(
        user=factories.UserFactory(username="atsem"), classroom=world.classroom, role="assistant"
    )
    world.entry = factories.BlogEntryPageFactory(parent=world.classroom, title="Les haricots")
    world.classroom.save_revision().publish()  # as the admin and enrolment make them
    close_classroom(world.classroom)
    world.classroom.refresh_from_db()
    return world


def expire(world):
    """The families' time is over (as if a year had passed)."""
    ClassroomPage.objects.filter(pk=world.classroom.pk).update(
        families_until=timezone.localdate() - timedelta(days=1)
    )
    world.classroom.refresh_from_db()


def test_add_months_keeps_the_day_or_the_month_s_last():
    assert add_months(date(2027, 7, 5), 12) == date(2028, 7, 5)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)


def test_the_teacher_can_no_longer_write_or_edit_in_the_archive(client, archive):
    client.force_login(archive.teacher)
    new = reverse("classrooms:entry_new", kwargs={"classroom_id": archive.classroom.pk})
    edit = reverse("classrooms:entry_edit", kwargs={"entry_id": archive.entry.pk})

    assert client.get(new).status_code == 404
    assert client.post(new, {"title": "Encore"}).status_code == 404
    # The editor sends the teacher back to the entry, and a change posted is not made.
    assert client.get(edit).url == archive.entry.url
    client.post(edit, {"title": "Changé", "action": "publish"})
    archive.entry.refresh_from_db()
    assert archive.entry.title == "Les haricots"
    wall = client.get(archive.classroom.url)
    assert wall.status_code == 200
    html = wall.content.decode()
    assert "Archive" in html and "2026-2027" in html
    assert new not in html  # no "write an entry" button
    assert reverse("enrolment:roster", kwargs={"classroom_id": archive.classroom.pk}) not in html


def test_the_teacher_no_longer_writes_to_the_families_or_shares_the_archive(archive):
    """Words to parents and shared spaces ask what the teacher may still change, not the
    membership, which outlives the year."""
    from liaison.rules import may_write_to_class
    from sharedspaces.rules import taught_class_ids

    assert not may_write_to_class(archive.teacher, archive.classroom)
    assert archive.classroom.pk not in taught_class_ids(archive.teacher)
    open_class = factories.ClassroomPageFactory(parent=archive.school, school_year="2027-2028")
    factories.MembershipFactory(user=archive.teacher, classroom=open_class, role="teacher")
    assert may_write_to_class(archive.teacher, open_class)


def test_the_pupil_and_the_atsem_can_no_longer_write(client, archive):
    new = reverse("classrooms:entry_new", kwargs={"classroom_id": archive.classroom.pk})
    for username in ("pupil", "atsem"):
        client.force_login(type(archive.pupil).objects.get(username=username))
        assert client.get(new).status_code == 404
        assert client.get(archive.classroom.url).status_code == 200


def test_the_director_reads_but_no_longer_manages(client, archive):
    client.force_login(archive.director)
    roster = reverse("enrolment:roster", kwargs={"classroom_id": archive.classroom.pk})

    assert client.get(archive.classroom.url).status_code == 200
    assert client.get(roster).status_code == 404


def test_families_read_the_archive_until_their_date_then_get_404(client, archive):
    for person in (archive.parent, archive.pupil):
        client.force_login(person)
        assert client.get(archive.classroom.url).status_code == 200
        assert client.get(archive.entry.url).status_code == 200

    expire(archive)  # even before the nightly command has run
    for person in (archive.parent, archive.pupil):
        client.force_login(person)
        assert client.get(archive.classroom.url).status_code == 404

    assert expire_family_reading() == 1
    for person in (archive.parent, archive.pupil):
        client.force_login(person)
        assert client.get(archive.classroom.url).status_code == 404
        assert client.get(archive.entry.url).status_code == 404
    for person in (archive.teacher, archive.director):
        client.force_login(person)
        assert client.get(archive.classroom.url).status_code == 200
        assert client.get(archive.entry.url).status_code == 200


def test_an_edit_from_the_latest_revision_keeps_the_class_closed(archive):
    assert archive.classroom.latest_revision_id is not None
    page = archive.classroom.get_latest_revision_as_object()
    assert page.closed_on == archive.classroom.closed_on
    assert page.families_until == archive.classroom.families_until


def test_outsiders_still_get_404(client, archive):
    client.force_login(archive.outsider)
    assert client.get(archive.classroom.url).status_code == 404


def test_my_spaces_list_archives_apart(client, archive):
    client.force_login(archive.parent)
    html = client.get(reverse("accounts:my_spaces")).content.decode()
    assert "Années précédentes" in html or "Previous years" in html
    assert html.rindex(archive.classroom.title) > html.index("archives-heading")

    expire(archive)
    html = client.get(reverse("accounts:my_spaces")).content.decode()
    assert "archives-heading" not in html
