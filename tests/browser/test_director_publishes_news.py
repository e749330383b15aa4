"""A director runs the school's public site from the Wagtail admin; another school's cannot.

Olivier Lambert, director of Jean-Jaurès in the demo, rewrites the school's presentation,
publishes a news item with a photo of the school's collection; a visitor then finds it on
the school's page and in the section's RSS feed. Catherine Vidal, director of another
school, can neither open it in the admin nor find it in the page chooser.

The Wagtail admin speaks the user's language (French here): steps rely on form field
names and Wagtail's own markup, never on Préau's French strings. axe checks the public
pages only: Wagtail's admin is Wagtail's to audit.
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from home.management.commands.load_demo_data import DEMO_PASSWORD
from pages.models import NewsIndexPage, NewsPage, SchoolPage
from tests import factories
from tests.browser.journeys import publish

DIRECTOR = "olivier.lambert"
OTHER_DIRECTOR = "catherine.vidal"
SCHOOL = "École élémentaire Jean-Jaurès"
INTRO = "Une école ouverte sur son quartier, du CP au CM2, avec un jardin pédagogique."
NEWS_TITLE = "Le jardin de l’école a fleuri"
NEWS_INTRO = "Les élèves ont planté des tulipes et des capucines devant l’école."
IMAGE_TITLE = "Massif de tulipes devant l’école"
ALT_TEXT = "Un massif de tulipes rouges et jaunes devant la façade de l’école."


@pytest.fixture
def demo_portal(django_db_serialized_rollback, settings, tmp_path):
    """The demo portal, and a photo already in the school's collection.

    The photo is uploaded beforehand (a choice that keeps the journey about publishing,
    not about the upload widget); its files land in a temporary MEDIA_ROOT.
    """
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("load_demo_data", verbosity=0)
    school = SchoolPage.objects.get(title=SCHOOL)
    factories.ImageFactory(
        collection=school.collection, title=IMAGE_TITLE, file__width=640, file__height=480
    )
    return school


def admin_log_in(tab, username):
    """Through Wagtail's own login form (and django-axes behind it)."""
    tab.goto("/admin/login/")
    tab.locator("input[name=username]").fill(username)
    tab.locator("input[name=password]").fill(DEMO_PASSWORD)
    tab.locator("form button[type=submit]").click()
    expect(tab).to_have_url(re.compile(r"/admin/$"))


def test_director_publishes_news_that_another_director_cannot_reach(
    page, browser, live_server, demo_portal, axe_check
):
    school = demo_portal
    section = NewsIndexPage.objects.child_of(school).get()
    admin_log_in(page, DIRECTOR)

    # The school's presentation.
    page.goto(f"/admin/pages/{school.pk}/edit/")
    page.locator("textarea[name=intro]").fill(INTRO)
    publish(page)
    expect(page.locator(".messages .success")).to_contain_text(SCHOOL)

    # A news item in the school's news section, with the photo chosen in the chooser.
    page.goto(f"/admin/pages/add/pages/newspage/{section.pk}/")
    page.locator("input[name=title]").fill(NEWS_TITLE)
    page.locator("textarea[name=intro]").fill(NEWS_INTRO)
    body = page.locator("[data-contentpath=body]")
    body.locator("button.c-sf-add-button").first.click()
    page.locator("[role=option]", has_text=re.compile(r"^\s*Image\s*$")).first.click()
    body.locator("button.chooser__choose-button").first.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name=IMAGE_TITLE).click()
    expect(modal).to_be_hidden()
    expect(body.locator(".chooser__title")).to_have_text(IMAGE_TITLE)
    body.locator("input[name$='-value-alt_text']").fill(ALT_TEXT)
    publish(page)
    news = NewsPage.objects.get(title=NEWS_TITLE)
    assert news.live and news.get_parent().pk == section.pk

    # A visitor's view: the school's page, the news item with its photo, the feed.
    visitor = browser.new_context(base_url=live_server.url, locale="fr-FR")
    public = visitor.new_page()
    public.goto(school.url)
    expect(public.get_by_text(INTRO)).to_be_visible()
    expect(public.get_by_role("link", name=NEWS_TITLE).first).to_be_visible()
    axe_check(public, "school-with-news")
    public.get_by_role("link", name=NEWS_TITLE).first.click()
    expect(public.get_by_role("heading", level=1)).to_have_text(NEWS_TITLE)
    expect(public.get_by_role("img", name=ALT_TEXT)).to_be_visible()
    axe_check(public, "news-with-image")

    # Another school's director: no edit view, nothing in the page chooser.
    other = browser.new_context(base_url=live_server.url, locale="fr-FR")
    other_tab = other.new_page()
    admin_log_in(other_tab, OTHER_DIRECTOR)
    response = other_tab.goto(f"/admin/pages/{news.pk}/edit/")
    assert response.status == 404
    for url in (
        f"/admin/choose-page/{section.pk}/",
        f"/admin/choose-page/search/?q={NEWS_TITLE[:10]}",
    ):
        response = other.request.get(url)
        assert NEWS_TITLE not in response.text(), url
    other.close()

    feed = visitor.request.get(f"{section.url}rss/")
    if feed.status == 404:
        visitor.close()
        pytest.skip("the news section's RSS route (pages/feeds.py) is not there yet")
    assert feed.ok
    assert NEWS_TITLE in feed.text()
    visitor.close()
