"""Editors' forms for the new page types open in the Wagtail admin, tabs and blocks included."""

import pytest

from pages.models import SchoolPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, portal):
    client.force_login(factories.UserFactory(username="root", is_superuser=True, is_staff=True))
    return client


def test_add_forms_open_for_every_new_page_type(admin_client, portal):
    town = factories.MunicipalityPageFactory(parent=portal)
    school = factories.SchoolPageFactory(parent=portal)
    news = factories.NewsIndexPageFactory(parent=school)
    for parent, model in [
        (town, "canteenmenupage"),
        (town, "accessibilitystatementpage"),
        (school, "accessibilitystatementpage"),
        (portal, "accessibilitystatementpage"),
        (portal, "newsindexpage"),
        (news, "gallerypage"),
    ]:
        response = admin_client.get(f"/admin/pages/add/pages/{model}/{parent.pk}/")
        assert response.status_code == 200, (model, parent)


def test_school_editor_has_a_site_identity_tab(admin_client, portal):
    school = factories.SchoolPageFactory(parent=portal)
    html = admin_client.get(f"/admin/pages/{school.pk}/edit/").content.decode()
    assert "Identité du site" in html
    assert 'name="accent"' in html and 'name="logo"' in html
    assert 'name="director_word"' in html and 'name="director_name"' in html


def test_identity_fields_are_page_fields(portal):
    """Directors edit them with the page (their page permissions stop at their school)."""
    school = factories.SchoolPageFactory(parent=portal, title="École du Bourg")
    form_class = SchoolPage.get_edit_handler().get_form_class()
    form = form_class(instance=school, for_user=None)
    assert {"logo", "accent", "director_word", "director_name"} <= set(form.fields)
