"""Scheduled publishing (pages/scheduled.py, pages/tasks.py): the task publishes a news
item whose go-live date has come and unpublishes an expired one, and the school's home,
kept for anonymous visitors, shows the change at once (its caches are dropped)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Revision

from pages import tasks
from pages.models import NewsPage
from tests import factories

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def school(portal):
    return factories.SchoolPageFactory(parent=portal, title="École primaire du Bourg")


@pytest.fixture
def news(school):
    return factories.NewsIndexPageFactory(parent=school)


def home(client, school):
    return client.get(school.url).content.decode()


def schedule(news, title, go_live_at):
    """A news item the director scheduled in the admin: its revision approved to go live."""
    page = factories.NewsPageFactory(parent=news, title=title, live=False)
    page.go_live_at = go_live_at
    page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


def move_clock_past(page):
    """The go-live date is now in the past, as when the clock reaches it."""
    past = timezone.now() - timedelta(minutes=1)
    revision = Revision.page_revisions.get(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    )
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    NewsPage.objects.filter(pk=page.pk).update(go_live_at=past)


def test_a_news_item_goes_live_when_its_date_comes(client, school, news):
    page = schedule(news, "Sortie au musée", timezone.now() + timedelta(days=1))
    assert not page.live
    assert "Sortie au musée" not in home(client, school)  # and the home is now kept

    tasks.publish_scheduled_pages.call()
    page.refresh_from_db()
    assert not page.live, "published before its date"

    move_clock_past(page)
    tasks.publish_scheduled_pages.call()
    page.refresh_from_db()
    assert page.live
    assert "Sortie au musée" in home(client, school)


def test_a_page_that_can_no_longer_go_live_does_not_hold_back_the_others(
    client, school, news, monkeypatch
):
    """Its go-live date is dropped and the refusal logged; the next page goes live."""
    from django.core.exceptions import ValidationError

    refused = schedule(news, "Photos de la classe", timezone.now() + timedelta(days=1))
    later = schedule(news, "Sortie au musée", timezone.now() + timedelta(days=1))
    move_clock_past(refused)
    move_clock_past(later)
    original_clean = NewsPage.clean

    def clean(page):
        if page.title == "Photos de la classe":
            raise ValidationError("La famille de Léa n'a pas donné son accord.")
        return original_clean(page)

    monkeypatch.setattr(NewsPage, "clean", clean)
    report = tasks.publish_scheduled_pages.call()
    refused.refresh_from_db()
    later.refresh_from_db()
    assert later.live and not refused.live
    assert report.endswith("published 1, refused 1")
    assert not Revision.page_revisions.filter(
        object_id=str(refused.pk), approved_go_live_at__isnull=False
    ).exists()


def test_an_expired_news_item_goes_off(client, school, news):
    page = factories.NewsPageFactory(parent=news, title="Inscriptions à la cantine")
    assert "Inscriptions à la cantine" in home(client, school)
    NewsPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    tasks.publish_scheduled_pages.call()
    page.refresh_from_db()
    assert not page.live and page.expired
    assert "Inscriptions à la cantine" not in home(client, school)
    assert client.get(page.url if page.url else "/actualites/").status_code == 404


@override_settings(TASKS=DUMMY_TASKS)
def test_with_a_worker_the_task_comes_back_in_a_minute():
    from django_tasks import default_task_backend

    default_task_backend.clear()
    before = timezone.now()
    tasks.publish_scheduled_pages.call()
    (queued,) = default_task_backend.results
    assert queued.task.name == "publish_scheduled_pages"
    assert timedelta(seconds=59) <= queued.task.run_after - before <= timedelta(seconds=61)


def test_with_the_immediate_backend_nothing_is_left_running(capsys):
    assert tasks.schedule_next_run() is None
    call_command("schedule_publishing")
    assert "cron" in capsys.readouterr().err


@override_settings(TASKS=DUMMY_TASKS)
def test_the_command_starts_the_worker_s_run():
    from django_tasks import default_task_backend

    default_task_backend.clear()
    call_command("schedule_publishing")
    (queued,) = default_task_backend.results
    assert queued.task.run_after > timezone.now()
