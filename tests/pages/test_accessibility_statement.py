"""Each site's accessibility statement, and the footer line French law asks for on every page."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from pages.identity import accessibility_statement_for
from pages.models import AccessibilityStatementPage, ComplianceStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites(portal):
    """The portal and a school with statements, a town and a school without one."""
    portal_statement = factories.AccessibilityStatementPageFactory(
        parent=portal, compliance=ComplianceStatus.PARTIAL
    )
    school = factories.SchoolPageFactory(parent=portal, title="École Jean-Jaurès")
    school_statement = factories.AccessibilityStatementPageFactory(
        parent=school, compliance=ComplianceStatus.FULL
    )
    town = factories.MunicipalityPageFactory(parent=portal, title="Villeneuve")
    town_statement = factories.AccessibilityStatementPageFactory(
        parent=town, compliance=ComplianceStatus.NONE
    )
    bare_school = factories.SchoolPageFactory(parent=portal, title="École sans déclaration")
    return {
        "portal": (portal, portal_statement),
        "school": (school, school_statement),
        "town": (town, town_statement),
        "bare school": (bare_school, portal_statement),
    }


def footer(html):
    return html[html.index('<footer class="site-footer"') :]


def statement_link(html):
    match = re.search(r'site-footer__accessibility">\s*<a href="([^"]+)">([^<]+)</a>', html)
    assert match, footer(html)
    return match.group(1), match.group(2).strip()


def test_footer_links_to_the_statement_of_the_site_visited(client, sites, subtests):
    for name, (site, statement) in sites.items():
        news = factories.NewsIndexPageFactory(parent=site) if name != "portal" else None
        pages = [site, statement] + ([news, factories.NewsPageFactory(parent=news)] if news else [])
        for page in pages:
            with subtests.test(msg=f"{name}: {page.title}"):
                href, text = statement_link(client.get("/en" + page.url).content.decode())
                assert href == statement.url
                assert text == f"Accessibility: {statement.get_compliance_display()}"


def test_pages_outside_the_tree_link_to_the_portals_statement(client, sites):
    _portal, statement = sites["portal"]
    href, text = statement_link(client.get("/en/compte/connexion/").content.decode())
    assert href == statement.url
    assert text == "Accessibility: partially compliant"


def test_without_any_statement_the_footer_says_not_compliant(client, portal):
    line = footer(client.get("/en/").content.decode()).split("site-footer__accessibility")[1]
    line = line[: line.index("</p>")]
    assert "Accessibility: not compliant" in line and "<a " not in line


def test_unpublished_statements_are_not_linked(client, sites):
    school, statement = sites["school"]
    statement.unpublish()
    _portal, portal_statement = sites["portal"]
    href, _text = statement_link(client.get(school.url).content.decode())
    assert href == portal_statement.url


def test_resolution_is_one_query_whatever_the_depth(sites, django_assert_num_queries):
    school, statement = sites["school"]
    news = factories.NewsIndexPageFactory(parent=school)
    item = factories.NewsPageFactory(parent=news)
    for page in (school, news, item):
        with django_assert_num_queries(1):  # the statement, public ones only, in one query
            assert accessibility_statement_for(page) == statement


def test_one_statement_per_site(sites):
    school, _statement = sites["school"]
    _portal, _ = sites["portal"]
    bare_school, _ = sites["bare school"]
    assert not AccessibilityStatementPage.can_create_at(school)
    assert AccessibilityStatementPage.can_create_at(bare_school)


def test_statement_page_states_status_audit_and_remedies(client, sites):
    school, statement = sites["school"]
    statement.non_conformities = "<p>Les vidéos n'ont pas de sous-titres.</p>"
    statement.contact_email = "accessibilite@example.org"
    statement.save_revision().publish()
    html = client.get("/en" + statement.url).content.decode()
    assert "École Jean-Jaurès is committed to making its website accessible" in html
    assert "This website is fully compliant" in html
    assert "has not been audited yet" in html
    assert "Les vidéos n'ont pas de sous-titres." in html
    assert 'href="mailto:accessibilite@example.org"' in html
    assert "Défenseur des droits" in html


def count_queries(client, url):
    # The rendering is counted, not the whole-page cache for anonymous visitors.
    with override_settings(PREAU_PAGE_CACHE_SECONDS=0):
        client.get(url)  # what requests keep is read once after a change, then kept
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
    return len(queries)


def test_footer_costs_the_same_whatever_the_number_of_sites(client, sites, portal):
    school, statement = sites["school"]
    client.get(statement.url)
    before = count_queries(client, statement.url)
    for number in range(6):
        other = factories.SchoolPageFactory(parent=portal, title=f"École {number}")
        factories.AccessibilityStatementPageFactory(parent=other)
    assert count_queries(client, statement.url) == before
