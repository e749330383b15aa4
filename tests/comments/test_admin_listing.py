"""The Wagtail admin's comment listing: each moderator sees and decides on their classes' only.

Used as the people use it: the listing and its actions through the admin's URLs, the
notifications checked on their rows, the queries counted on a page that lists things.
"""

from types import SimpleNamespace

import pytest
from django.contrib.messages import SUCCESS, get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from classrooms.models import BlogEntryPage, Membership
from comments import services
from comments.models import ClassComment
from notifications.models import Notification
from pages.models import SchoolStaff
from tests import factories

pytestmark = pytest.mark.django_db

INDEX = "class_comments:index"


def published_entry(classroom, title, authors=()):
    page = factories.BlogEntryPageFactory(parent=classroom, title=title)
    page.authors.set(authors)
    page.save_revision().publish()
    return BlogEntryPage.objects.get(pk=page.pk)


@pytest.fixture
def other_teacher(world):
    """The teacher of the school's other class."""
    teacher = factories.UserFactory(username="otherteacher", first_name="Marc", last_name="Petit")
    factories.MembershipFactory(
        user=teacher, classroom=world.other_classroom, role=Membership.Role.TEACHER
    )
    return teacher


@pytest.fixture
def blog(world, other_teacher):
    """One waiting comment in each class, by a parent here and a pupil there."""
    entry = published_entry(world.classroom, "Nos haricots", [world.pupil])
    other_entry = published_entry(world.other_classroom, "La mare", [world.other_pupil])
    ours = services.post(entry, world.parent, liked="les haricots qui montent")
    theirs = services.post(other_entry, world.other_pupil, liked="les têtards de la mare")
    return SimpleNamespace(entry=entry, other_entry=other_entry, ours=ours, theirs=theirs)


def listing(client, **query):
    return client.get(reverse(INDEX), query)


def listed(response):
    assert response.status_code == 200
    return {comment.pk for comment in response.context["object_list"]}


def action(client, comment, name, **data):
    return client.post(reverse(f"class_comments:{name}", args=(comment.pk,)), data)


def test_a_teacher_sees_the_comments_of_their_class_and_no_other(
    client, world, other_teacher, blog
):
    client.force_login(world.teacher)
    response = listing(client)
    assert listed(response) == {blog.ours.pk}
    html = response.content.decode()
    assert "les haricots qui montent" in html and "Sophie M." in html
    assert f'href="{blog.entry.url}#comment-{blog.ours.pk}"' in html
    assert "les têtards" not in html and "La mare" not in html

    client.force_login(other_teacher)
    assert listed(listing(client)) == {blog.theirs.pk}


def test_the_director_and_superusers_see_every_class(client, world, blog):
    superuser = factories.UserFactory(username="admin", is_superuser=True, is_staff=True)
    for person in (world.director, superuser):
        client.force_login(person)
        assert listed(listing(client)) == {blog.ours.pk, blog.theirs.pk}, person


def test_the_menu_shows_the_listing_to_moderators_only(client, world, blog):
    # A teacher of the school without a class: admin access for the school's news only.
    school_teacher = factories.UserFactory(username="schoolteacher")
    factories.SchoolStaffFactory(
        user=school_teacher, school=world.school, role=SchoolStaff.Role.TEACHER
    )
    client.force_login(world.teacher)
    assert reverse(INDEX) in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(school_teacher)
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200 and reverse(INDEX) not in home.content.decode()
    # Wagtail's own refusal: back to the admin's home page.
    response = listing(client)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert action(client, blog.ours, "approve").status_code == 404


def test_pupils_and_parents_are_sent_to_the_admin_login(client, world, blog):
    login = reverse("wagtailadmin_login")
    for person in (world.pupil, world.parent):
        client.force_login(person)
        response = listing(client)
        assert response.status_code == 302 and response.url.startswith(login), person
        response = action(client, blog.ours, "approve")
        assert response.status_code == 302 and response.url.startswith(login), person
    blog.ours.refresh_from_db()
    assert not blog.ours.is_public


def test_publishing_from_the_admin_tells_the_author_and_the_entry_s_authors(client, world, blog):
    client.force_login(world.teacher)
    back = reverse(INDEX) + "?status=pending"
    response = action(client, blog.ours, "approve", next=back)
    assert response.status_code == 302 and response.url == back
    assert [m.level for m in get_messages(response.wsgi_request)] == [SUCCESS]
    blog.ours.refresh_from_db()
    assert blog.ours.is_public and blog.ours.moderated_by == world.teacher
    approved = Notification.objects.get(recipient=world.parent, kind="comment_approved")
    assert approved.message.startswith("Votre commentaire")
    assert Notification.objects.filter(recipient=world.pupil, kind="comment_on_your_entry").exists()


def test_not_publishing_tells_the_author_why(client, world, blog):
    client.force_login(world.teacher)
    response = action(client, blog.ours, "reject", reason="Parlons-en en classe.")
    assert response.status_code == 302 and response.url == reverse(INDEX)
    blog.ours.refresh_from_db()
    assert blog.ours.is_removed and not blog.ours.is_public
    assert blog.ours.rejection_reason == "Parlons-en en classe."
    notification = Notification.objects.get(recipient=world.parent, kind="comment_rejected")
    assert notification.params["reason"] == "Parlons-en en classe."


def test_an_action_on_a_comment_of_another_class_is_404(client, world, blog):
    client.force_login(world.teacher)
    before = Notification.objects.count()
    for name in ("approve", "reject"):
        assert action(client, blog.theirs, name, reason="Non.").status_code == 404, name
    # Exactly as for a comment that does not exist: nothing tells them apart.
    missing = SimpleNamespace(pk=ClassComment.objects.order_by("-pk").first().pk + 1)
    assert action(client, missing, "approve").status_code == 404
    blog.theirs.refresh_from_db()
    assert not blog.theirs.is_public and not blog.theirs.is_removed
    assert Notification.objects.count() == before


def test_the_listing_filters_by_status(client, world, blog):
    entry = blog.entry
    published = services.post(entry, world.pupil, liked="le titre")
    refused = services.post(entry, world.pupil, liked="rien")
    services.approve(published, entry, world.teacher)
    services.reject(refused, entry, world.teacher, "")
    client.force_login(world.teacher)
    assert listed(listing(client)) == {blog.ours.pk, published.pk, refused.pk}
    assert listed(listing(client, status="pending")) == {blog.ours.pk}
    assert listed(listing(client, status="published")) == {published.pk}
    assert listed(listing(client, status="rejected")) == {refused.pk}


def test_newest_first_and_twenty_a_page(client, world, blog):
    comments = [services.post(blog.entry, world.pupil, liked=f"idée {n}") for n in range(21)]
    client.force_login(world.teacher)
    first_page = listing(client).context["object_list"]
    assert [c.pk for c in first_page] == [c.pk for c in reversed(comments[1:])]
    second_page = listing(client, p=2).context["object_list"]
    assert [c.pk for c in second_page] == [comments[0].pk, blog.ours.pk]


def test_the_listing_costs_the_same_queries_for_3_or_30_comments(client, world):
    entries = [published_entry(world.classroom, f"Article {n}", [world.pupil]) for n in range(4)]
    pupils = [world.pupil]
    for n in range(4):
        pupil = factories.UserFactory(username=f"classmate{n}")
        factories.MembershipFactory(user=pupil, classroom=world.classroom)
        pupils.append(pupil)

    def write(count):
        for n in range(count):
            services.post(entries[n % len(entries)], pupils[n % len(pupils)], liked=f"idée {n}")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = listing(client)
        return len(listed(response)), len(captured)

    client.force_login(world.teacher)
    write(3)
    listing(client)  # warms what Wagtail caches across requests: content types, site roots
    few = queries()
    write(27)
    listing(client)  # the teacher was told of the new comments: what they are is read again
    many = queries()
    assert few[0] == 3 and many[0] == 20  # one full page of the thirty
    assert few[1] == many[1]
