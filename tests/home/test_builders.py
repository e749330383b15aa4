"""The builders the demo loader and the scale seeder share (home/builders/).

Both seeders are tested whole (tests/home/test_load_demo_data.py,
tests/devtools/test_seed_scale.py); these tests pin what each builder promises on its
own, so a change for one seeder shows what it does to the other.
"""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils import timezone

from classrooms.models import BlogEntryPage, ClassroomPage, Membership
from home.builders.class_members import class_memberships, family_links
from home.builders.clock import moment
from home.builders.comment_rows import comment_waiting_notice, entry_comment
from home.builders.publishing import publish_as
from pages.models import StandardPage
from tests import factories


def person(username):
    return get_user_model()(username=username, first_name=username.title(), last_name="Test")


def test_class_memberships_list_teacher_assistant_then_pupils_unsaved():
    classroom = ClassroomPage(title="CP")
    teacher, assistant = person("teacher"), person("atsem")
    pupils = [person("lea"), person("tom")]
    rows = class_memberships(classroom, teacher, assistant, pupils)
    assert [(row.user, row.role) for row in rows] == [
        (teacher, Membership.Role.TEACHER),
        (assistant, Membership.Role.ASSISTANT),
        (pupils[0], Membership.Role.PUPIL),
        (pupils[1], Membership.Role.PUPIL),
    ]
    assert all(row.classroom is classroom and row.pk is None for row in rows)


def test_a_class_without_assistant_has_no_assistant_row():
    rows = class_memberships(ClassroomPage(title="CM1"), person("teacher"), None, [])
    assert [row.role for row in rows] == [Membership.Role.TEACHER]


def test_family_links_pair_each_parent_with_each_child_parent_by_parent():
    mother, father = person("mother"), person("father")
    hugo, lea = person("hugo"), person("lea")
    links = family_links([mother, father], [hugo, lea])
    assert [(link.parent, link.child) for link in links] == [
        (mother, hugo),
        (mother, lea),
        (father, hugo),
        (father, lea),
    ]


def test_a_moment_is_local_time_days_ago_and_never_in_the_future():
    now = timezone.make_aware(datetime(2026, 12, 5, 10, 0))
    today = timezone.localdate(now)
    assert moment(today, now, 2, 16, 30) == timezone.make_aware(datetime(2026, 12, 3, 16, 30))
    # 16:30 today is still to come: the seeder says now instead.
    assert moment(today, now, 0, 16, 30) == now


def test_publish_as_adds_a_live_page_with_its_owner_and_a_published_revision(world):
    page = StandardPage(title="Le projet d'école", slug="projet")
    revision = publish_as(world.school, page, world.director)
    page.refresh_from_db()
    assert page.live and page.owner == world.director
    assert page.get_parent().pk == world.school.pk
    assert page.live_revision_id == revision.pk and revision.user == world.director


def test_a_comment_is_its_authors_on_the_entry_with_its_answers(world):
    entry = factories.BlogEntryPageFactory(parent=world.classroom)
    site = Site.objects.get_current()
    entry_type = ContentType.objects.get_for_model(BlogEntryPage)
    comment = entry_comment(
        entry_type,
        entry,
        site,
        world.pupil,
        "J’ai aimé… les dessins.",
        liked="les dessins.",
        suggestion="",
        wondering="",
        is_public=False,
    )
    comment.save()
    comment.refresh_from_db()
    assert comment.object_pk == str(entry.pk) and comment.content_type == entry_type
    assert comment.user == world.pupil and comment.user_name == world.pupil.display_name
    assert comment.comment == "J’ai aimé… les dessins." and not comment.is_public
    # Left out, the time of submission is the time of saving.
    assert timezone.now() - comment.submit_date < timedelta(minutes=1)


def test_the_notice_of_a_waiting_comment_leads_the_teacher_to_the_class_queue(world):
    entry = factories.BlogEntryPageFactory(parent=world.classroom, title="Les haricots")
    notice = comment_waiting_notice(world.teacher, world.pupil, entry, world.classroom)
    assert notice.recipient == world.teacher and notice.kind == "comment_pending"
    assert notice.params == {"author": world.pupil.display_name, "entry": "Les haricots"}
    assert notice.url == reverse("comments:queue", kwargs={"classroom_id": world.classroom.pk})
    at = timezone.now() - timedelta(days=3)
    dated = comment_waiting_notice(world.teacher, world.pupil, entry, world.classroom, at)
    assert dated.created_at == at
