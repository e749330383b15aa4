"""The bell page: grouped per group of kinds with the unread count of each, newest
first, marked read one by one when opened (own only, never an open redirect) or all at
once, in a number of queries that does not grow with the notifications."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from notifications import kinds
from notifications.models import Notification
from notifications.services import notify

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")
MARK_ALL = reverse("notifications:mark_all_read")


def label(group_name):
    with translation.override("fr"):
        return str(kinds._groups[group_name].label)


def _open(notification):
    return reverse("notifications:open", kwargs={"notification_id": notification.pk})


def test_the_list_is_grouped_per_group_with_unread_counts(client, world):
    notify([world.parent], "comment_approved", url="/a/", entry="Le potager")
    notify([world.parent], "child_entry_published", url="/b/", entry="Nos haricots", child="Léa M.")
    notify([world.parent], "child_entry_published", url="/c/", entry="La mare", child="Léa M.")
    client.force_login(world.parent)
    html = client.get(LIST).content.decode()
    class_work = html.index(f"{label('class_work')} (2")
    comments = html.index(f"{label('comments')} (1")
    assert class_work < comments  # in the registered order of the groups
    # Newest first inside a group.
    assert html.index("La mare") < html.index("Nos haricots") < comments
    assert MARK_ALL in html and 'method="post"' in html
    assert reverse("notifications:preferences") in html


def test_mark_all_read_is_a_post_and_marks_only_ones_own(client, world):
    notify([world.parent, world.teacher], "comment_approved", url="/a/", entry="Le potager")
    client.force_login(world.parent)
    assert client.get(MARK_ALL).status_code == 405
    assert client.post(MARK_ALL).status_code == 302
    assert not Notification.objects.filter(recipient=world.parent, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=world.teacher, read_at__isnull=True).exists()


def test_opening_marks_one_read_and_follows_it(client, world):
    first, second = (
        notify([world.parent], "comment_approved", url=f"/{slug}/", entry=slug)[0]
        for slug in ("un", "deux")
    )
    client.force_login(world.parent)
    response = client.get(_open(first))
    assert response.status_code == 302 and response.url == "/un/"
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None and second.read_at is None


def test_another_persons_notification_is_404_and_stays_unread(client, world):
    (theirs,) = notify([world.teacher], "comment_approved", url="/a/", entry="x")
    client.force_login(world.parent)
    assert client.get(_open(theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.parametrize(
    "url",
    ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", ""],
)
def test_opening_never_leaves_the_portal(client, world, url):
    (notification,) = notify([world.parent], "comment_approved", url=url, entry="x")
    client.force_login(world.parent)
    response = client.get(_open(notification))
    assert response.status_code == 302 and response.url == LIST


def test_a_schools_own_site_is_followed(client, world):
    Site.objects.create(hostname="ecole-jaures.example", root_page=world.school)
    url = "http://ecole-jaures.example/cp/nos-haricots/"
    (notification,) = notify([world.parent], "comment_approved", url=url, entry="x")
    client.force_login(world.parent)
    assert client.get(_open(notification)).url == url


def test_the_list_costs_the_same_whatever_the_number_of_notifications(
    client, world, django_assert_max_num_queries
):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST).status_code == 200
        return len(captured)

    client.force_login(world.parent)
    notify([world.parent], "comment_approved", url="/a/", entry="x")
    count_queries()  # what every page reads once (the session, the person) is kept
    few = count_queries()
    for number in range(30):
        kind = ("comment_approved", "child_entry_published", "message_to_adult")[number % 3]
        notify([world.parent], kind, url="/a/", entry="x", child="Léa M.", author="A", subject="S")
    count_queries()  # the person is read again once: their unread count changed
    assert count_queries() == few
    with django_assert_max_num_queries(few):
        client.get(LIST)
