"""The Wagtail admin as a school's director first meets it (Préau issue 23): the portal's
name on the dashboard, every line in French, no avatar from Gravatar, "Dépublier" once in
the editor, and a word of explanation on the "Promotion" tab."""

import re

import pytest
from django.contrib.auth.hashers import make_password
from wagtail.models import Site

from home.demo.loader import DemoLoader
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_dashboard_speaks_french_with_the_portal_s_name(client, world):
    DemoLoader(make_password("x")).portal()
    assert Site.objects.get(is_default_site=True).site_name == "Préau"
    admin = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    html = client.get("/admin/").content.decode()
    assert "localhost" not in html
    assert re.search(r"<span>0</span> fichier audio ou vidéo", html)
    assert "Media file" not in html
    assert "gravatar" not in html.lower()


def test_the_editor_offers_unpublish_once_and_explains_promote(client, world):
    world.school.save_revision().publish()
    client.force_login(world.director)
    html = client.get(f"/admin/pages/{world.school.pk}/edit/").content.decode()
    assert html.count("Dépublier") == 1
    assert "l’adresse de la page, son titre pour les moteurs de recherche" in html
