"""What requests reuse between them (performance/generations.py) is never a stale copy.

Routing's pages, what a person is and the class wall's rows are kept in the cache under
the generation tokens of their scopes. Each test here makes a change the way the app
does it (factories, Wagtail's publish, signals) and reads the next page as its visitor
would see it: a change that forgets to replace a token shows as a stale page. The last
tests check the other side: what was kept is really reused (fewer queries).
"""

import re
import threading

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from classrooms.models import BlogEntryPage, ExercisePage, Membership, PupilGroup, Visibility
from comments.models import Partnership
from notifications.models import Notification
from notifications.services import notify
from pages.models import SchoolStaff
from performance import generations
from tests import factories

pytestmark = pytest.mark.django_db

BADGE = re.compile(r'class="badge"><span class="visually-hidden">[^<]*</span>\s*(\d+)\s*</span>')


def urls():
    with translation.override("fr"):
        return {
            "notifications": reverse("notifications:list"),
            "my_spaces": reverse("accounts:my_spaces"),
            "login": reverse("accounts:login"),
        }


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Anonymous public pages have their own cache (performance/page_cache.py): off here,
    so that what is seen is what the kept reads give. Kept reads are on, as in production."""
    settings.PREAU_PAGE_CACHE_SECONDS = 0
    settings.PREAU_GENERATION_SECONDS = 3600


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def status_of(client, url):
    return client.get(url).status_code


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in queries.captured_queries]


def person_reads(client, url):
    """How many times the request read what the person is (the union, by its columns)."""
    return sum('"c_kind"' in sql for sql in queries_of(client, url))


def badge(client, url):
    """The header's unread count, 0 when no badge is shown."""
    found = BADGE.search(html_of(client, url))
    return int(found.group(1)) if found else 0


def publish_entry(classroom, title, authors=(), **fields):
    entry = factories.BlogEntryPageFactory(parent=classroom, title=title, live=False, **fields)
    if authors:
        entry.authors.set(authors)
    entry.save_revision().publish()
    return BlogEntryPage.objects.get(pk=entry.pk)


def short_answer():
    return (
        "short_answer",
        {"prompt": "2 + 2 ?", "answers": "4", "points": 1, "accept_missing_accents": False},
    )


# The tokens themselves


class Loader:
    """A load() that counts its calls and answers a new value each time."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"value {self.calls}"


def test_a_kept_value_lasts_until_its_scope_is_bumped():
    """read_through answers the kept value without loading again, until `bump` of its scope."""
    load = Loader()
    assert generations.read_through("unit:a", ("unit-scope",), load) == "value 1"
    assert generations.read_through("unit:a", ("unit-scope",), load) == "value 1"
    assert load.calls == 1
    generations.bump("unit-scope")
    assert generations.read_through("unit:a", ("unit-scope",), load) == "value 2"
    assert load.calls == 2


def test_another_scope_s_bump_keeps_the_value():
    """Bumping an unrelated scope drops nothing of this one; bumping any of its scopes does."""
    load = Loader()
    scopes = ("unit-one", "unit-two")
    generations.read_through("unit:b", scopes, load)
    generations.bump("unit-other")
    assert generations.read_through("unit:b", scopes, load) == "value 1"
    generations.bump("unit-two")
    assert generations.read_through("unit:b", scopes, load) == "value 2"
    assert load.calls == 2


def test_zero_seconds_keeps_nothing(settings):
    """With PREAU_GENERATION_SECONDS = 0 the loader runs every time."""
    settings.PREAU_GENERATION_SECONDS = 0
    load = Loader()
    for _ in range(3):
        generations.read_through("unit:c", ("unit-scope",), load)
    assert load.calls == 3


def test_a_value_kept_before_the_commit_is_dropped_at_the_commit(
    django_capture_on_commit_callbacks,
):
    """A reader that stored old rows between a writer's bump and its commit is not believed
    after the commit: the token is replaced again then."""
    load = Loader()
    with django_capture_on_commit_callbacks(execute=True):
        generations.bump("unit-scope")
        assert generations.read_through("unit:d", ("unit-scope",), load) == "value 1"
    assert generations.read_through("unit:d", ("unit-scope",), load) == "value 2"


def test_a_take_down_is_made_when_the_cache_refuses_and_retried_at_commit(
    django_capture_on_commit_callbacks,
):
    """Within `removing_access()` a refused token is logged, not raised, and replaced once
    the transaction commits; outside it the change is refused as before."""
    from tests.performance.test_cache_failures import FailingWrites

    load = Loader()
    generations.read_through("unit:e", ("unit-scope",), load)
    writes = FailingWrites("answers")
    with writes, pytest.raises(generations.InvalidationFailed):
        generations.bump("unit-scope")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with writes, generations.removing_access():
            generations.bump("unit-scope")  # no exception
            assert generations.is_removing_access()
        assert not generations.is_removing_access()
        assert generations.read_through("unit:e", ("unit-scope",), load) == "value 1"
    assert len(callbacks) == 1  # the replacement after commit, which the cache took
    assert generations.read_through("unit:e", ("unit-scope",), load) == "value 2"


def test_a_bump_from_another_process_reaches_the_next_request(client, world, settings):
    """Tokens are read once per request, not kept by the thread: a scope bumped elsewhere
    (another worker, here another thread) is seen by this thread's next request."""
    url = world.classroom.url
    client.force_login(world.outsider)
    assert status_of(client, url) == 404
    settings.PREAU_GENERATION_SECONDS = 0  # a change made without a bump here...
    factories.MembershipFactory(
        user=world.outsider, classroom=world.classroom, role=Membership.Role.PUPIL
    )
    settings.PREAU_GENERATION_SECONDS = 3600
    assert status_of(client, url) == 404  # ...is not seen: the person was kept

    def another_worker():
        try:
            generations.bump("people")
        finally:
            connections.close_all()

    elsewhere = threading.Thread(target=another_worker)
    elsewhere.start()
    elsewhere.join()
    assert status_of(client, url) == 200


# What a person is


def test_a_new_membership_opens_the_class_and_its_end_closes_it(client, world):
    """An outsider's 404 on a class page turns to 200 on the next request once they are
    made a member, and back to 404 once the membership is deleted."""
    url = world.classroom.url
    client.force_login(world.outsider)
    assert status_of(client, url) == 404
    assert status_of(client, url) == 404  # kept
    membership = factories.MembershipFactory(
        user=world.outsider, classroom=world.classroom, role=Membership.Role.PUPIL
    )
    assert status_of(client, url) == 200
    membership.delete()
    assert status_of(client, url) == 404


def test_a_new_guardianship_opens_the_child_s_class_and_its_end_closes_it(client, world):
    """A person made the parent of a pupil reads the child's class at once, and no more
    once the guardianship is deleted."""
    url = world.classroom.url
    client.force_login(world.outsider)
    assert status_of(client, url) == 404
    guardianship = factories.GuardianshipFactory(parent=world.outsider, child=world.pupil)
    assert status_of(client, url) == 200
    assert "Léa M." in html_of(client, urls()["my_spaces"])
    guardianship.delete()
    assert status_of(client, url) == 404


def test_a_child_s_new_class_opens_to_the_parent(client, world):
    """A change to someone else's rows (the child joins a second class) shows on the
    parent's next page: everyone's places share one scope."""
    url = world.other_classroom.url
    client.force_login(world.parent)
    assert status_of(client, url) == 404
    factories.MembershipFactory(
        user=world.pupil, classroom=world.other_classroom, role=Membership.Role.PUPIL
    )
    assert status_of(client, url) == 200
    assert world.other_classroom.title in html_of(client, urls()["my_spaces"])


def test_a_new_director_reads_the_school_s_classes(client, world):
    """A SchoolStaff row made for a person gives them the school's classes on the next page."""
    client.force_login(world.outsider)
    assert status_of(client, world.classroom.url) == 404
    staff = factories.SchoolStaffFactory(
        user=world.outsider, school=world.school, role=SchoolStaff.Role.DIRECTOR
    )
    assert status_of(client, world.classroom.url) == 200
    staff.delete()
    assert status_of(client, world.classroom.url) == 404


def test_a_login_keeps_the_person_but_a_new_first_name_does_not(client, world):
    """A login only moves last_login: the kept person is reused (the union is not read
    again); a change of first name is read again, and shows."""
    url = world.classroom.url
    client.force_login(world.parent)
    assert person_reads(client, url) == 1
    assert person_reads(client, url) == 0
    world.parent.save(update_fields=["last_login"])
    assert person_reads(client, url) == 0
    world.pupil.save(update_fields=["last_login"])  # the child logs in too
    assert person_reads(client, url) == 0
    client.logout()
    response = client.post(
        urls()["login"], {"username": "parent", "password": factories.TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert person_reads(client, url) == 0
    world.pupil.first_name = "Louise"
    world.pupil.save()
    assert person_reads(client, url) == 1
    assert "Louise M." in html_of(client, urls()["my_spaces"])


def test_a_renamed_class_shows_in_the_parent_s_spaces(client, world):
    """A class's new title, published, replaces the old one in what the person is."""
    client.force_login(world.parent)
    assert "CP de Mme Durand" in html_of(client, urls()["my_spaces"])
    classroom = world.classroom
    classroom.title = "CE1 de Mme Durand"
    classroom.save_revision().publish()
    html = html_of(client, urls()["my_spaces"])
    assert "CE1 de Mme Durand" in html
    assert "CP de Mme Durand" not in html


def test_a_new_group_shows_to_the_pupil(client, world):
    """A pupil added to a group of pupils reads "your group" on the next wall."""
    client.force_login(world.pupil)
    assert "Hiboux" not in html_of(client, world.classroom.url)
    group = PupilGroup.objects.create(classroom=world.classroom, name="Hiboux")
    group.pupils.add(world.pupil)
    assert "Hiboux" in html_of(client, world.classroom.url)
    group.pupils.remove(world.pupil)
    assert "Hiboux" not in html_of(client, world.classroom.url)


# The header's unread count


def test_the_unread_badge_follows_notifications_and_their_reading(client, world):
    """notify() raises the header's count at once; opening the list brings it back to none."""
    url = world.classroom.url
    client.force_login(world.pupil)
    assert badge(client, url) == 0
    assert badge(client, url) == 0  # kept
    notify([world.pupil], "comment_approved", url="/x/", entry="Nos haricots")
    assert badge(client, url) == 1
    notify([world.pupil, world.parent], "comment_approved", url="/y/", entry="Le potager")
    assert badge(client, url) == 2
    html_of(client, urls()["notifications"])
    assert badge(client, url) == 0
    client.force_login(world.parent)
    assert badge(client, url) == 1  # the parent's own, still unread


def test_a_notification_saved_or_deleted_one_by_one_changes_the_badge(client, world):
    """A notification created or deleted through the ORM (signals) shows in the count."""
    url = world.classroom.url
    client.force_login(world.parent)
    assert badge(client, url) == 0
    notification = Notification.objects.create(
        recipient=world.parent, kind="comment_approved", params={"entry": "x"}, url="/x/"
    )
    assert badge(client, url) == 1
    notification.delete()
    assert badge(client, url) == 0


# Routing


def test_a_new_page_is_found_where_a_404_was_kept(client, world):
    """An address read and not found is found once a page is published there."""
    client.force_login(world.parent)
    address = f"{world.school.url}cantine/"
    assert status_of(client, address) == 404
    assert status_of(client, address) == 404
    page = factories.StandardPageFactory(
        parent=world.school, title="Cantine", slug="cantine", live=False
    )
    page.save_revision().publish()
    assert "Cantine" in html_of(client, address)


def test_a_renamed_page_moves_to_its_new_address(client, world):
    """A slug changed and published: the old address is 404 and the new one serves the page,
    for an anonymous visitor and for a logged-in one."""
    page = factories.StandardPageFactory(parent=world.school, title="Cantine", slug="cantine")
    old = page.url
    client.force_login(world.parent)
    assert status_of(client, old) == 200
    client.logout()
    assert status_of(client, old) == 200
    page.slug = "restaurant-scolaire"
    page.title = "Restaurant scolaire"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.url != old
    assert status_of(client, old) == 404
    assert "Restaurant scolaire" in html_of(client, page.url)
    client.force_login(world.parent)
    assert status_of(client, old) == 404
    assert "Restaurant scolaire" in html_of(client, page.url)


def test_a_renamed_school_moves_the_class_below_it(client, world):
    """A parent page's new slug changes its descendants' addresses (Wagtail updates them in
    SQL): the class is found at its new address, and no more at the old one."""
    client.force_login(world.parent)
    old = world.classroom.url
    assert status_of(client, old) == 200
    school = world.school
    school.slug = "ecole-des-tilleuls"
    school.save_revision().publish()
    world.classroom.refresh_from_db()
    assert world.classroom.url != old
    assert status_of(client, old) == 404
    assert status_of(client, world.classroom.url) == 200


def test_an_unpublished_page_is_gone(client, world):
    """A page unpublished is 404 on the next request."""
    page = factories.StandardPageFactory(parent=world.school, title="Cantine", slug="cantine")
    assert status_of(client, page.url) == 200
    page.unpublish()
    assert status_of(client, page.url) == 404


def test_a_moved_page_is_found_at_its_new_place(client, world):
    """A page moved under another one (post_page_move) answers at its new address; the old
    one is not served any more (Wagtail's redirects app sends it to the new one)."""
    section = factories.StandardPageFactory(parent=world.school, title="Vie scolaire")
    page = factories.StandardPageFactory(parent=world.school, title="Cantine", slug="cantine")
    old = page.url
    assert status_of(client, old) == 200
    assert status_of(client, f"{section.url}cantine/") == 404
    page.move(section, pos="last-child")
    page.refresh_from_db()
    assert page.url == f"{section.url}cantine/"
    moved = client.get(old)
    assert moved.status_code == 301 and moved.url.endswith(page.url)
    assert "Cantine" in html_of(client, page.url)


def test_a_view_restriction_applies_on_the_next_request(client, world):
    """A login restriction added to a public page (or to its parent) sends the next
    anonymous visitor to the login page; removed, the page is public again."""
    page = factories.StandardPageFactory(parent=world.school, title="Cantine", slug="cantine")
    assert status_of(client, page.url) == 200
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(page.url)
    assert response.status_code == 302
    assert "login" in response.url and "next=" in response.url
    restriction.delete()
    assert status_of(client, page.url) == 200
    PageViewRestriction.objects.create(
        page=world.school, restriction_type=PageViewRestriction.LOGIN
    )
    assert status_of(client, page.url) == 302


# The class wall


def test_a_new_entry_shows_on_the_wall_already_read(client, world):
    """A parent who read the wall before reads a newly published entry on the next visit."""
    client.force_login(world.parent)
    assert "Notre potager" not in html_of(client, world.classroom.url)
    html_of(client, world.classroom.url)
    publish_entry(world.classroom, "Notre potager", authors=[world.pupil])
    assert "Notre potager" in html_of(client, world.classroom.url)


def test_an_entry_unpublished_or_retitled_leaves_the_wall(client, world):
    """A new title, or an unpublication, is on the next wall."""
    entry = publish_entry(world.classroom, "Notre potager", authors=[world.pupil])
    client.force_login(world.parent)
    assert "Notre potager" in html_of(client, world.classroom.url)
    entry.title = "Nos tomates"
    entry.save_revision().publish()
    html = html_of(client, world.classroom.url)
    assert "Nos tomates" in html and "Notre potager" not in html
    entry.unpublish()
    assert "Nos tomates" not in html_of(client, world.classroom.url)


def test_an_author_s_new_first_name_shows_on_the_wall(client, world):
    """The wall's cards name their authors from the kept rows: a renamed pupil shows."""
    publish_entry(world.classroom, "Notre potager", authors=[world.pupil])
    client.force_login(world.parent)
    assert "Léa M." in html_of(client, world.classroom.url)
    world.pupil.first_name = "Louise"
    world.pupil.save()
    html = html_of(client, world.classroom.url)
    assert "Louise M." in html
    assert "Léa M." not in html


def test_a_new_topic_and_a_new_teacher_show_on_the_wall(client, world):
    """The class's facts (teachers, topics) are read again after a change."""
    entry = publish_entry(world.classroom, "Notre potager", authors=[world.pupil])
    client.force_login(world.parent)
    html = html_of(client, world.classroom.url)
    assert "jardinage" not in html and "Marc B." not in html
    entry.tags.add("jardinage")
    entry.save_revision().publish()
    assert "jardinage" in html_of(client, world.classroom.url)
    assistant = factories.UserFactory(username="assistant", first_name="Marc", last_name="Bon")
    factories.MembershipFactory(
        user=assistant, classroom=world.classroom, role=Membership.Role.TEACHER
    )
    assert "Marc B." in html_of(client, world.classroom.url)


def test_a_renamed_topic_shows_on_the_wall(client, world):
    """Topic names live in taggit's own table: renaming one is seen on the next wall."""
    from taggit.models import Tag

    entry = publish_entry(world.classroom, "Notre potager", authors=[world.pupil])
    entry.tags.add("jardinage")
    entry.save_revision().publish()
    client.force_login(world.parent)
    assert "jardinage" in html_of(client, world.classroom.url)
    tag = Tag.objects.get(name="jardinage")
    tag.name = "le potager"
    tag.save()
    html = html_of(client, world.classroom.url)
    assert ">le potager</a>" in html and ">jardinage</a>" not in html  # the slug stays


def test_an_entry_shared_with_the_school_shows_on_the_other_class_s_wall(client, world):
    """An entry of another class made school-wide appears in "From the other classes"."""
    entry = publish_entry(world.other_classroom, "Lettre des CM1", visibility=Visibility.CLASS)
    client.force_login(world.parent)
    assert "Lettre des CM1" not in html_of(client, world.classroom.url)
    entry.visibility = Visibility.SCHOOL
    entry.save_revision().publish()
    assert "Lettre des CM1" in html_of(client, world.classroom.url)


def test_a_partnership_shows_the_partner_s_entries_and_its_end_hides_them(client, world):
    """An accepted partnership (scope "partnerships") puts the host class's entries on the
    guest class's wall, for its pupils, at once; ended, they go."""
    publish_entry(world.other_classroom, "Lettre des CM1")
    client.force_login(world.pupil)
    assert "Lettre des CM1" not in html_of(client, world.classroom.url)
    partnership = Partnership.objects.create(
        host=world.other_classroom,
        guest=world.classroom,
        status=Partnership.Status.ACCEPTED,
        invited_by=world.teacher,
    )
    assert "Lettre des CM1" in html_of(client, world.classroom.url)
    partnership.status = Partnership.Status.ENDED
    partnership.save()
    assert "Lettre des CM1" not in html_of(client, world.classroom.url)


@pytest.fixture
def group_exercise(world):
    """An exercise set for the group "Lecteurs" (world.pupil), and a classmate outside it."""
    classmate = factories.UserFactory(username="hugo", first_name="Hugo", last_name="Roy")
    factories.MembershipFactory(user=classmate, classroom=world.classroom)
    group = PupilGroup.objects.create(classroom=world.classroom, name="Lecteurs")
    group.pupils.set([world.pupil])
    exercise = factories.ExercisePageFactory(
        parent=world.classroom, title="Pour les lecteurs", body=[short_answer()], live=False
    )
    exercise.assigned_groups.set([group])
    exercise.save_revision().publish()
    return classmate, group, ExercisePage.objects.get(pk=exercise.pk)


def test_an_exercise_for_a_group_follows_the_group_s_pupils(client, world, group_exercise):
    """Hidden from a pupil outside the group, shown once they are added to it (the
    group's pupils, a many-to-many relation), hidden again once removed."""
    classmate, group, exercise = group_exercise
    url = world.classroom.url
    client.force_login(classmate)
    assert "Pour les lecteurs" not in html_of(client, url)
    assert "Pour les lecteurs" not in html_of(client, url)
    group.pupils.add(classmate)
    assert "Pour les lecteurs" in html_of(client, url)
    assert status_of(client, exercise.url) == 200
    group.pupils.remove(classmate)
    assert "Pour les lecteurs" not in html_of(client, url)
    assert status_of(client, exercise.url) == 404


def test_kept_wall_rows_are_each_reader_s_own(client, world, group_exercise):
    """The rows kept for a pupil of the group are reused for a classmate outside it, who
    still does not see the exercise (cards become the reader's in prepare())."""
    classmate, _group, _exercise = group_exercise
    url = world.classroom.url
    client.force_login(world.pupil)
    assert "Pour les lecteurs" in html_of(client, url)
    client.force_login(classmate)
    assert "Pour les lecteurs" not in html_of(client, url)
    client.force_login(world.teacher)
    assert "Pour les lecteurs" in html_of(client, url)


def test_an_exercise_set_for_a_pupil_directly_follows_the_published_page(
    client, world, group_exercise
):
    """Set for the classmate by name in a new published revision, the exercise shows."""
    classmate, _group, exercise = group_exercise
    client.force_login(classmate)
    assert "Pour les lecteurs" not in html_of(client, world.classroom.url)
    exercise.assigned_pupils.set([classmate])
    exercise.save_revision().publish()
    assert "Pour les lecteurs" in html_of(client, world.classroom.url)


# What was kept is reused


def test_the_second_wall_of_a_parent_reuses_what_the_first_read(client, world, settings):
    """The second request for the wall costs fewer queries than the first, and fewer than
    the same second request with nothing kept; it reads neither the route, nor the
    person, nor the wall's rows, nor the class's facts again."""
    publish_entry(world.classroom, "Notre potager", authors=[world.pupil])
    url = world.classroom.url
    client.force_login(world.parent)
    first = queries_of(client, url)
    second = queries_of(client, url)
    kept_signatures = {
        "route": "in_workflow",
        "person": '"c_kind"',
        "wall": "card_author_rows",
        "facts": "teacher_rows",
    }
    for name, signature in kept_signatures.items():
        assert sum(signature in sql for sql in first) == 1, name
        assert not any(signature in sql for sql in second), name
    assert len(second) < len(first)
    settings.PREAU_GENERATION_SECONDS = 0
    queries_of(client, url)
    unkept = queries_of(client, url)
    assert len(second) < len(unkept)


def test_a_public_page_s_route_is_read_once(client, world):
    """The routing query of an address is not repeated on the next request, anonymous
    (page cache off) or logged in."""
    page = factories.StandardPageFactory(parent=world.school, title="Cantine", slug="cantine")
    first = queries_of(client, page.url)
    assert sum("in_workflow" in sql for sql in first) == 1
    assert not any("in_workflow" in sql for sql in queries_of(client, page.url))
    client.force_login(world.parent)
    assert not any("in_workflow" in sql for sql in queries_of(client, page.url))
