"""The teacher builds and edits a plan in the front end and in the Wagtail admin."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from workplans.models import TaskTick, WorkPlanPage, WorkPlanTask
from workplans.views_edit import OUTDATED

from .conftest import FREE_TASK

pytestmark = pytest.mark.django_db


def form_data(plan, **changes):
    today = timezone.localdate()
    data = {
        "title": "Plan des hiboux",
        "starts_on": today.isoformat(),
        "ends_on": today.isoformat(),
        "introduction": "",
        "groups": [plan.group.pk],
        "tasks-TOTAL_FORMS": "3",
        "tasks-INITIAL_FORMS": "0",
        "tasks-0-page": str(plan.exercise.pk),
        "tasks-0-text": "",
        "tasks-1-page": "",
        "tasks-1-text": "Fiche de géométrie n° 4",
        "tasks-2-page": "",
        "tasks-2-text": "",
    }
    data.update(changes)
    return data


def new_url(plan):
    return reverse("workplans:new", kwargs={"classroom_id": plan.world.classroom.pk})


def test_the_teacher_finds_the_new_button_on_the_class_wall(client, plan):
    client.force_login(plan.world.teacher)
    assert new_url(plan) in client.get(plan.world.classroom.url).content.decode()
    client.force_login(plan.grouped)
    assert new_url(plan) not in client.get(plan.world.classroom.url).content.decode()


def test_the_teacher_makes_a_plan_for_a_group_from_the_front_end(client, plan):
    client.force_login(plan.world.teacher)
    form = client.get(new_url(plan)).content.decode()
    assert "Les additions" in form and "Notre sortie au musée" in form
    response = client.post(new_url(plan), form_data(plan))
    assert response.status_code == 302
    made = WorkPlanPage.objects.get(title="Plan des hiboux")
    assert made.live and made.get_parent().pk == plan.world.classroom.pk
    assert list(made.assigned_groups.all()) == [plan.group]
    tasks = list(made.tasks.order_by("sort_order"))
    assert [t.linked_page_id for t in tasks] == [plan.exercise.pk, None]
    assert tasks[1].text == "Fiche de géométrie n° 4"


def test_moving_a_row_shows_the_form_again_in_the_new_order_without_saving(client, plan):
    client.force_login(plan.world.teacher)
    response = client.post(new_url(plan), form_data(plan, move="1:up"))
    assert response.status_code == 200
    rows = response.context["formset"].initial
    assert rows[0]["text"] == "Fiche de géométrie n° 4" and rows[1]["page"] == str(plan.exercise.pk)
    assert not WorkPlanPage.objects.filter(title="Plan des hiboux").exists()
    assert "Plan des hiboux" in response.content.decode()  # nothing typed is lost
    more = client.post(new_url(plan), form_data(plan, more="1"))
    assert len(more.context["formset"].forms) == 6


def test_mistakes_are_said_and_nothing_typed_is_lost(client, plan):
    client.force_login(plan.world.teacher)
    today = timezone.localdate()
    data = form_data(
        plan,
        ends_on=(today.replace(year=today.year - 1)).isoformat(),
        **{"tasks-0-page": "", "tasks-1-text": ""},
    )
    response = client.post(new_url(plan), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "se termine avant de commencer" in html
    assert "Ajoutez au moins une tâche" in html
    assert "Plan des hiboux" in html
    # A page of another class is refused.
    other = plan.world.other_classroom.add_child(
        instance=WorkPlanPage(title="Ailleurs", starts_on=today, ends_on=today)
    )
    response = client.post(new_url(plan), form_data(plan, **{"tasks-0-page": str(other.pk)}))
    assert response.status_code == 400
    assert "Fiche de géométrie n° 4" in response.content.decode()
    assert not WorkPlanPage.objects.filter(title="Plan des hiboux").exists()


def test_editing_keeps_the_ticks_of_the_tasks_kept(client, plan):
    first, second, third = plan.tasks
    TaskTick.objects.create(task=first, pupil=plan.grouped)
    TaskTick.objects.create(task=third, pupil=plan.grouped)
    client.force_login(plan.world.teacher)
    url = reverse("workplans:edit", kwargs={"plan_id": plan.page.pk})
    form = client.get(url)
    assert form.status_code == 200 and FREE_TASK in form.content.decode()
    data = form_data(
        plan,
        title="Plan de la semaine",
        **{
            "tasks-TOTAL_FORMS": "4",
            "tasks-0-task_id": str(third.pk),
            "tasks-0-page": str(plan.entry.pk),
            "tasks-0-text": "",
            "tasks-1-task_id": str(first.pk),
            "tasks-1-page": str(plan.exercise.pk),
            "tasks-1-text": "",
            "tasks-2-task_id": str(second.pk),
            "tasks-2-page": "",
            "tasks-2-text": "",  # emptied: the task goes
            "tasks-3-task_id": "",
            "tasks-3-page": "",
            "tasks-3-text": "Dessiner le loup",
        },
    )
    data["base_revision"] = str(form.context["form"]["base_revision"].value())
    assert client.post(url, data).status_code == 302
    tasks = list(WorkPlanPage.objects.get(pk=plan.page.pk).tasks.order_by("sort_order"))
    assert [t.pk for t in tasks[:2]] == [third.pk, first.pk]
    assert tasks[2].text == "Dessiner le loup"
    assert not WorkPlanTask.objects.filter(pk=second.pk).exists()
    assert TaskTick.objects.filter(pupil=plan.grouped).count() == 2


def test_others_may_not_open_the_forms(client, plan):
    edit = reverse("workplans:edit", kwargs={"plan_id": plan.page.pk})
    for person in (plan.assistant, plan.world.director, plan.grouped, plan.world.parent):
        client.force_login(person)
        assert client.get(new_url(plan)).status_code == 404
        assert client.get(edit).status_code == 404
        assert client.post(new_url(plan), form_data(plan)).status_code == 404
    assert not WorkPlanPage.objects.filter(title="Plan des hiboux").exists()


def test_the_wagtail_admin_edits_tasks_inline(client, plan):
    client.force_login(plan.world.teacher)
    url = f"/admin/pages/{plan.page.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    assert data["tasks-TOTAL_FORMS"] == "3"
    data["tasks-1-text"] = "Lire le chapitre 4"
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    second = WorkPlanTask.objects.get(pk=plan.tasks[1].pk)
    assert second.text == "Lire le chapitre 4"
    # A page of another class is refused by the admin too.
    today = timezone.localdate()
    other = plan.world.other_classroom.add_child(
        instance=WorkPlanPage(title="Ailleurs", starts_on=today, ends_on=today)
    )
    data["tasks-1-linked_page"] = str(other.pk)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "n’est pas une page publiée de cette classe" in response.content.decode()


def _edit_data(plan, base_revision, **changes):
    rows = {
        f"tasks-{number}-{name}": value
        for number, task in enumerate(plan.tasks)
        for name, value in (
            ("task_id", str(task.pk)),
            ("page", str(task.linked_page_id or "")),
            ("text", task.text),
        )
    }
    return form_data(
        plan,
        base_revision=str(base_revision),
        **{"tasks-TOTAL_FORMS": str(len(plan.tasks)), **rows, **changes},
    )


def test_a_save_from_an_outdated_copy_is_refused_and_loses_nothing(client, plan):
    client.force_login(plan.world.teacher)
    url = reverse("workplans:edit", kwargs={"plan_id": plan.page.pk})
    base = client.get(url).context["form"]["base_revision"].value()
    # Meanwhile, in another tab: a task for Hugo only, which Hugo ticks.
    add = reverse("workplans:add_task", args=[plan.page.pk])
    client.post(add, {"pupil": plan.classmate.pk, "text": "Fiche de géométrie n° 4"})
    added = WorkPlanTask.objects.get(text="Fiche de géométrie n° 4")
    TaskTick.objects.create(task=added, pupil=plan.classmate)
    response = client.post(url, _edit_data(plan, base, title="Plan des hiboux"))
    assert response.status_code == 409
    assert str(OUTDATED) in response.context["form"].non_field_errors()
    assert "Plan des hiboux" in response.content.decode()  # nothing typed is lost
    assert WorkPlanTask.objects.filter(pk=added.pk).exists()
    assert TaskTick.objects.filter(task=added).exists()
    assert WorkPlanPage.objects.get(pk=plan.page.pk).title == "Plan de la semaine"
    # The form now carries the latest revision: saved again, it goes through.
    latest = WorkPlanPage.objects.get(pk=plan.page.pk).latest_revision_id
    assert str(response.context["form"]["base_revision"].value()) == str(latest)
    plan.tasks.append(added)
    response = client.post(url, _edit_data(plan, latest, title="Plan des hiboux"))
    assert response.status_code == 302
    assert WorkPlanTask.objects.filter(pk=added.pk).exists()


def _pending_draft(plan):
    draft = plan.page.get_latest_revision_as_object()
    draft.title = "Plan de la semaine (brouillon)"
    draft.save_revision()


def test_a_task_added_for_one_pupil_keeps_a_pending_draft_unpublished(client, plan):
    _pending_draft(plan)
    client.force_login(plan.world.teacher)
    add = reverse("workplans:add_task", args=[plan.page.pk])
    response = client.post(add, {"pupil": plan.classmate.pk, "text": "Fiche n° 4"})
    assert response.status_code == 302
    row = WorkPlanPage.objects.get(pk=plan.page.pk)
    assert row.title == "Plan de la semaine" and row.has_unpublished_changes
    latest = row.get_latest_revision_as_object()
    assert latest.title == "Plan de la semaine (brouillon)"
    assert "Fiche n° 4" in [t.text for t in latest.tasks.all()]


def test_a_task_added_to_a_draft_plan_does_not_publish_it(client, plan):
    plan.page.unpublish()
    client.force_login(plan.world.teacher)
    add = reverse("workplans:add_task", args=[plan.page.pk])
    assert client.post(add, {"pupil": plan.classmate.pk, "text": "Fiche n° 4"}).status_code == 302
    assert not WorkPlanPage.objects.get(pk=plan.page.pk).live


def test_the_edit_form_starts_from_a_pending_draft_and_keeps_it_a_draft(client, plan):
    _pending_draft(plan)
    client.force_login(plan.world.teacher)
    url = reverse("workplans:edit", kwargs={"plan_id": plan.page.pk})
    form = client.get(url)
    assert form.context["form"]["title"].value() == "Plan de la semaine (brouillon)"
    base = form.context["form"]["base_revision"].value()
    response = client.post(url, _edit_data(plan, base, title="Plan des hiboux"))
    assert response.status_code == 302
    row = WorkPlanPage.objects.get(pk=plan.page.pk)
    assert row.title == "Plan de la semaine" and row.has_unpublished_changes
    assert row.get_latest_revision_as_object().title == "Plan des hiboux"


def test_a_title_without_letters_gets_a_slug_of_its_own(client, plan):
    """« ??? » makes no slug: the plan is named « plan-de-travail » (then numbered)."""
    client.force_login(plan.world.teacher)
    for title in ("???", "→ ←"):
        assert client.post(new_url(plan), form_data(plan, title=title)).status_code == 302
    slugs = set(
        WorkPlanPage.objects.filter(title__in=["???", "→ ←"]).values_list("slug", flat=True)
    )
    assert slugs == {"plan-de-travail", "plan-de-travail-2"}
