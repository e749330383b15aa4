"""`manage.py create_school`: a school's site, director, rights, workflow and own address."""

import re
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.models import Page, Site

from accounts.models import RoleGroup
from pages.models import NewsIndexPage, SchoolPage, SchoolStaff
from tests import factories

pytestmark = pytest.mark.django_db

HOSTNAME = "ecole-pasteur.example.org"
ARGUMENTS = {
    "name": "École élémentaire Pasteur",
    "town": "Saint-Aubin-des-Prés",
    "postcode": "44100",
    "level": "elementary",
    "director_first_name": "Hélène",
    "director_last_name": "Garnier",
    "director_email": "helene.garnier@example.org",
}


def news_title():
    """The news section's title: "Actualités", from the French catalogue."""
    with translation.override("fr"):
        return gettext("News")


def create_school(**overrides):
    """Run the command in English, whatever the catalogue says in French."""
    out = StringIO()
    with translation.override("en"):
        call_command("create_school", stdout=out, **{**ARGUMENTS, **overrides})
    return out.getvalue()


def printed_password(output):
    match = re.search(r"(\w[\w.-]*), password (\S+) ", output)
    assert match, output
    return match.group(1), match.group(2)


def test_creates_the_school_its_site_its_director_and_their_rights(portal):
    output = create_school(hostname=HOSTNAME)

    school = SchoolPage.objects.get(title="École élémentaire Pasteur")
    assert school.live and school.get_parent().pk == portal.pk
    assert (school.town, school.postcode, school.level) == (
        "Saint-Aubin-des-Prés",
        "44100",
        "elementary",
    )
    section = NewsIndexPage.objects.child_of(school).get()
    assert section.live and section.title == news_title()
    try:
        statement_model = apps.get_model("pages", "AccessibilityStatementPage")
    except LookupError:
        statement_model = None
    if statement_model is not None:
        assert statement_model.objects.child_of(school).live().exists()

    site = Site.objects.get(hostname=HOSTNAME)
    assert (site.port, site.root_page_id, site.site_name) == (443, school.pk, school.title)
    assert school.collection is not None
    assert school.get_workflow().name == "Publication – École élémentaire Pasteur"

    username, password = printed_password(output)
    director = get_user_model().objects.get(username=username)
    assert username == "helene.garnier"
    assert director.email == "helene.garnier@example.org"
    assert director.check_password(password)
    assert SchoolStaff.objects.filter(
        school=school, user=director, role=SchoolStaff.Role.DIRECTOR
    ).exists()
    assert director.groups.filter(
        role__page=school, role__role=RoleGroup.Role.SCHOOL_DIRECTOR
    ).exists()
    assert school.permissions_for_user(director).can_publish()
    assert f"https://{HOSTNAME}/" in output


def test_a_second_run_reports_the_school_and_changes_nothing(portal):
    create_school(hostname=HOSTNAME)
    counts = (Page.objects.count(), get_user_model().objects.count(), Site.objects.count())

    output = create_school(hostname="autre.example.org", director_email="autre@example.org")

    assert "already exists" in output
    assert "password" not in output
    assert counts == (Page.objects.count(), get_user_model().objects.count(), Site.objects.count())
    assert not Site.objects.filter(hostname="autre.example.org").exists()


def test_without_a_hostname_the_school_lives_under_the_portal_only(portal):
    sites = Site.objects.count()
    create_school()
    assert Site.objects.count() == sites


def test_an_existing_account_with_that_address_becomes_the_director(portal):
    existing = factories.UserFactory(username="h.garnier", email="Helene.Garnier@example.org")
    output = create_school()

    assert "h.garnier" in output and "password unchanged" in output
    school = SchoolPage.objects.get(title="École élémentaire Pasteur")
    assert SchoolStaff.objects.filter(school=school, user=existing).exists()
    assert not get_user_model().objects.filter(username="helene.garnier").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"level": "college"}, "Unknown level “college”: use one of nursery, elementary, primary."),
        ({"hostname": "https://ecole.example.org/"}, "is not a host name"),
        ({"portal": 999999}, "No portal page has the id 999999."),
        ({"director_email": "helene.garnier"}, "“helene.garnier” is not an e-mail address."),
    ],
)
def test_refuses_bad_input_with_a_clear_message(portal, overrides, message):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=re.escape(message)):
        create_school(**overrides)
    assert Page.objects.count() == pages


def test_refuses_a_hostname_that_serves_another_site(portal):
    other = factories.SchoolPageFactory(parent=portal)
    Site.objects.create(hostname=HOSTNAME, port=443, root_page=other)
    with pytest.raises(CommandError, match="already serves another site"):
        create_school(hostname=HOSTNAME)
    assert not SchoolPage.objects.filter(title="École élémentaire Pasteur").exists()


# One school, two addresses: its own host name and its path under the portal.


@pytest.fixture
def school_with_hostname(portal):
    create_school(hostname=HOSTNAME)
    return SchoolPage.objects.get(title="École élémentaire Pasteur")


def test_the_school_is_served_at_its_own_address(client, school_with_hostname):
    news = slugify(news_title())
    for path, title in (("/", "École élémentaire Pasteur"), (f"/{news}/", news_title())):
        response = client.get(path, HTTP_HOST=HOSTNAME)
        assert response.status_code == 200, path
        assert title in response.content.decode()


def test_the_school_is_still_served_under_the_portal(client, school_with_hostname):
    response = client.get(f"/{school_with_hostname.slug}/")
    assert response.status_code == 200
    assert "École élémentaire Pasteur" in response.content.decode()
    news = slugify(news_title())
    assert client.get(f"/{school_with_hostname.slug}/{news}/").status_code == 200


def test_page_urls_follow_the_address_of_the_request(school_with_hostname):
    school = school_with_hostname
    section = NewsIndexPage.objects.child_of(school).get()
    on_own_site = RequestFactory().get("/", HTTP_HOST=HOSTNAME)
    on_portal = RequestFactory().get("/")
    cases = [
        (on_own_site, school, "/"),
        (on_own_site, section, f"/{section.slug}/"),
        (on_portal, school, f"/{school.slug}/"),
        (on_portal, section, f"/{school.slug}/{section.slug}/"),
    ]
    for request, page, url in cases:
        assert page.get_url(request) == url, (request.get_host(), page.title)
    # Without a request (e-mails, feeds), the school's own address is the canonical one.
    assert school.full_url == f"https://{HOSTNAME}/"
