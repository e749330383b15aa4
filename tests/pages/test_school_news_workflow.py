"""Teachers of a school draft its news, a director approves them; classes are not held up.

pages/permissions.py gives the school's teachers add and change (not publish) on its news
sections; pages/workflows.py gives every school a workflow whose reviewers are its
directors, and keeps class spaces out of it.
"""

import json

import pytest
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage
from wagtail.test.utils.form_data import querydict_from_html

from accounts import roles
from accounts.models import RoleGroup
from pages import workflows
from pages.models import NewsIndexPage, NewsPage, SchoolStaff
from tests import factories

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as a new request would load it: no cached permissions."""
    return type(user).objects.get(pk=user.pk)


def add_news_section(parent, title="Actualités"):
    section = NewsIndexPage(title=title, slug="actualites")
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def add_draft_news(section, author, title="Kermesse de fin d’année"):
    news = NewsPage(title=title, live=False, owner=author)
    section.add_child(instance=news)
    news.save_revision(user=author)
    return NewsPage.objects.get(pk=news.pk)


@pytest.fixture
def section(world):
    """The school's news section, and the class's teacher made a teacher of the school."""
    section = add_news_section(world.school)
    factories.SchoolStaffFactory(
        user=world.teacher, school=world.school, role=SchoolStaff.Role.TEACHER
    )
    return section


def edit_form(client, page):
    """What the admin's edit form of this page posts, read from the form itself."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.setdefault("body-count", "0")
    return response, data


# Rights of a school's teachers


def test_teachers_of_the_school_draft_news_but_do_not_publish(world, section):
    teacher = fresh(world.teacher)
    on_section = section.permissions_for_user(teacher)
    assert on_section.can_add_subpage()
    assert not on_section.can_publish_subpage()
    news = add_draft_news(section, teacher)
    assert news.permissions_for_user(teacher).can_edit()
    assert not news.permissions_for_user(teacher).can_publish()


def test_school_teachers_get_nothing_on_the_school_page_nor_other_classes(world, section):
    """Page permissions reach every descendant: none on the school page, which holds the
    class spaces of all its teachers."""
    teacher = fresh(world.teacher)
    assert not world.school.permissions_for_user(teacher).can_edit()
    assert not world.school.permissions_for_user(teacher).can_add_subpage()
    assert not world.other_classroom.permissions_for_user(teacher).can_edit()
    assert world.classroom.permissions_for_user(teacher).can_publish()  # their own class
    group = roles.group_for(world.school, RoleGroup.Role.SCHOOL_TEACHER)
    assert set(group.page_permissions.values_list("page_id", flat=True)) == {section.pk}


def test_a_news_section_created_later_reaches_the_schools_teachers(world, portal):
    factories.SchoolStaffFactory(
        user=world.teacher, school=world.school, role=SchoolStaff.Role.TEACHER
    )
    assert not NewsIndexPage.objects.exists()
    section = add_news_section(world.school)
    assert section.permissions_for_user(fresh(world.teacher)).can_add_subpage()


def test_a_news_section_moved_to_another_school_changes_hands(world, portal, section):
    other_school = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    other_teacher = factories.UserFactory(username="otherteacher")
    factories.SchoolStaffFactory(
        user=other_teacher, school=other_school, role=SchoolStaff.Role.TEACHER
    )
    section.move(other_school, pos="last-child")
    section = NewsIndexPage.objects.get(pk=section.pk)
    assert not section.permissions_for_user(fresh(world.teacher)).can_add_subpage()
    assert section.permissions_for_user(fresh(other_teacher)).can_add_subpage()


def test_ending_the_teacher_row_ends_the_news_rights(world, section):
    SchoolStaff.objects.filter(user=world.teacher, role=SchoolStaff.Role.TEACHER).delete()
    assert not section.permissions_for_user(fresh(world.teacher)).can_add_subpage()


def test_school_teachers_add_and_choose_images_of_the_school(world, section, settings, tmp_path):
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    permission_policy = policy_registry.get_by_type(get_image_model())
    settings.MEDIA_ROOT = str(tmp_path)  # the image's file, not in the project's media/
    teacher = fresh(world.teacher)
    world.school.refresh_from_db()
    collections = permission_policy.collections_user_has_permission_for(teacher, "add")
    assert world.school.collection in collections
    school_image = factories.ImageFactory(collection=world.school.collection)
    assert permission_policy.user_has_permission_for_instance(teacher, "choose", school_image)
    assert not permission_policy.user_has_permission_for_instance(teacher, "change", school_image)


# The school's workflow


def test_each_school_gets_a_publication_workflow_reviewed_by_its_directors(world):
    workflow = world.school.get_workflow()
    assert workflow.name == "Publication – École Jean-Jaurès"
    (task,) = [task.specific for task in workflow.tasks]
    assert isinstance(task, GroupApprovalTask)
    directors = roles.group_for(world.school, RoleGroup.Role.SCHOOL_DIRECTOR)
    assert list(task.groups.all()) == [directors]
    section = add_news_section(world.school)
    assert section.get_workflow() == workflow


def test_class_spaces_are_kept_out_of_the_school_workflow(world):
    school_workflow = world.school.get_workflow()
    entry = factories.BlogEntryPageFactory(parent=world.classroom)
    for page in (world.classroom, world.other_classroom, entry):
        workflow = Page.objects.get(pk=page.pk).get_workflow()
        assert workflow != school_workflow
        assert workflow == workflows.class_spaces_workflow()
        # Reviewed by the class's teachers, never by the school's directors.
        (task,) = [workflow_task.task.specific for workflow_task in workflow.workflow_tasks.all()]
        assert type(task).__name__ == "ClassTeacherApprovalTask"


def workflow_counts():
    return Workflow.objects.count(), WorkflowPage.objects.count(), GroupApprovalTask.objects.count()


def test_setting_up_a_school_twice_changes_nothing(world):
    counts = workflow_counts()
    workflows.set_up_school(world.school)
    workflows.set_up_school(world.school)
    assert workflow_counts() == counts


def test_sync_permissions_gives_old_schools_their_workflow(world):
    from django.core.management import call_command

    WorkflowPage.objects.all().delete()  # as a school restored from before the rule
    call_command("sync_permissions", verbosity=0)
    assert world.school.get_workflow().name == "Publication – École Jean-Jaurès"
    assert Page.objects.get(pk=world.classroom.pk).get_workflow() == (
        workflows.class_spaces_workflow()
    )


def test_a_workflow_chosen_by_hand_is_kept(world):
    chosen = Workflow.objects.create(name="Relecture par la mairie")
    WorkflowPage.objects.filter(page=world.school).update(workflow=chosen)
    workflows.set_up_school(world.school)
    assert world.school.get_workflow() == chosen


# Through the admin


def test_teacher_submits_news_and_the_director_approves_it(client, world, section):
    news = add_draft_news(section, world.teacher)
    workflow = news.get_workflow()
    workflow.start(news, world.teacher)
    news = NewsPage.objects.get(pk=news.pk)
    assert news.workflow_in_progress

    client.force_login(world.director)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "Kermesse de fin d’année" in dashboard.content.decode()

    task_state = news.current_workflow_task_state
    task_state.task.specific.on_action(task_state, world.director, "approve")
    news = NewsPage.objects.get(pk=news.pk)
    assert news.live
    assert not news.workflow_in_progress
    assert news.live_revision.user == world.teacher  # the teacher's words went live


def test_other_schools_directors_do_not_review_it(client, world, portal, section):
    other_school = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    other_director = factories.UserFactory(username="otherdirector")
    factories.SchoolStaffFactory(user=other_director, school=other_school)
    news = add_draft_news(section, world.teacher)
    news.get_workflow().start(news, world.teacher)

    client.force_login(other_director)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "Kermesse de fin d’année" not in dashboard.content.decode()


def test_teacher_submits_from_the_edit_form_but_cannot_publish(client, world, section):
    news = add_draft_news(section, world.teacher)
    client.force_login(world.teacher)
    response, data = edit_form(client, news)
    assert b'name="action-submit"' in response.content
    assert b'name="action-publish"' not in response.content

    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{news.pk}/edit/", data)
    news = NewsPage.objects.get(pk=news.pk)
    assert not news.live and news.live_revision is None  # saved as a draft at most

    del data["action-publish"]
    data["action-submit"] = "action-submit"
    response = client.post(f"/admin/pages/{news.pk}/edit/", data)
    assert response.status_code == 302
    news = NewsPage.objects.get(pk=news.pk)
    assert news.workflow_in_progress and not news.live


def test_the_director_publishes_news_directly(client, world, section):
    news = add_draft_news(section, world.teacher)
    client.force_login(world.director)
    response, data = edit_form(client, news)
    assert b'name="action-publish"' in response.content
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{news.pk}/edit/", data)
    assert response.status_code == 302
    assert NewsPage.objects.get(pk=news.pk).live


def test_teacher_publishes_in_their_own_class_without_review(client, world, section):
    entry = factories.BlogEntryPageFactory.build(title="Notre potager", live=False)
    world.classroom.add_child(instance=entry)
    entry.save_revision()
    client.force_login(world.teacher)
    response, data = edit_form(client, entry)
    assert b'name="action-publish"' in response.content
    # The class's teachers are its reviewers: "Submit" would send it to themselves.
    assert b'name="action-submit"' not in response.content
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{entry.pk}/edit/", data)
    assert response.status_code == 302
    entry = Page.objects.get(pk=entry.pk)
    assert entry.live and not entry.workflow_in_progress


def test_the_create_form_in_a_class_offers_no_submit(client, world):
    client.force_login(world.teacher)
    response = client.get(f"/admin/pages/add/classrooms/blogentrypage/{world.classroom.pk}/")
    assert response.status_code == 200
    assert b'name="action-publish"' in response.content
    assert b'name="action-submit"' not in response.content


def test_the_create_form_in_the_news_section_offers_submit_to_teachers(client, world, section):
    client.force_login(world.teacher)
    response = client.get(f"/admin/pages/add/pages/newspage/{section.pk}/")
    assert response.status_code == 200
    assert b'name="action-submit"' in response.content
    assert b'name="action-publish"' not in response.content


def test_workflow_names_are_written_in_french_whatever_the_language(world, settings):
    from django.utils import translation

    with translation.override("en"):
        name = workflows.school_workflow_name(world.school)
    assert name == "Publication – École Jean-Jaurès"
    assert json.dumps(name)  # plain text, no lazy object
