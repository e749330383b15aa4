"""Content-Security-Policy: the front end runs Préau's own scripts only; the admin its own.

Header tests read the policy of real answers (public, kept, logged in, the admin); the
template test reads every template of Préau for what the policy would refuse.
"""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings

from exercises.embeds import EMBED_HOSTS
from tests import factories

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
HEADER = "Content-Security-Policy"


def directives(response) -> dict:
    policy = response[HEADER]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_strict(response):
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_public_pages_run_only_preau_s_own_scripts(client, world, settings):
    settings.PREAU_PAGE_CACHE_SECONDS = 600
    first = client.get(world.school.url)
    client.cookies.clear()
    kept = client.get(world.school.url)
    assert kept["X-Preau-Page-Cache"] == "hit"
    for response in (first, kept):
        assert_strict(response)


def test_logged_in_pages_and_the_login_page_too(client, world):
    assert_strict(client.get("/compte/connexion/"))
    client.force_login(world.pupil)
    assert_strict(client.get(world.classroom.url))
    assert_strict(client.get(f"/classes/{world.classroom.pk}/ecrire/"))


def test_the_admin_gets_a_policy_that_allows_wagtail_s_inline_scripts(client, world):
    client.force_login(factories.UserFactory(username="root", is_superuser=True))
    for url in ("/admin/login/", "/admin/"):
        policy = directives(client.get(url))
        assert "'unsafe-inline'" in policy["script-src"], url
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]  # Wagtail frames its previews


def test_the_error_page_s_one_inline_style_is_allowed_by_its_hash():
    page = (ROOT / "templates" / "500.html").read_text()
    styles = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    allowed = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
    for style in styles:
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed, "500.html changed: put its new hash in settings"


def test_every_activity_website_of_the_exercises_may_be_framed():
    frames = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]
    for host in EMBED_HOSTS:
        origin = f"https://*{host}" if host.startswith(".") else f"https://{host}"
        assert origin in frames, host


def project_templates():
    skipped = {".venv", "static_collected", "media", "node_modules"}
    for path in ROOT.rglob("*.html"):
        parts = path.relative_to(ROOT).parts
        if skipped.isdisjoint(parts) and "templates" in parts and path.name != "500.html":
            yield path


SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)
STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)


# Written into files a person keeps, never served by Préau: the data export's index.html is
# opened from the ZIP on the person's own disk, where it must hold its own style.
OUTSIDE_THE_SITE = {"dataexport/templates/dataexport/index.html"}


def test_no_template_of_preau_holds_what_the_policy_refuses():
    """Scripts come from files (data in data- attributes or json_script, which is data),
    never inline, in an event handler attribute or a javascript: address; no inline style."""
    templates = list(project_templates())
    assert len(templates) > 50
    found = []
    for path in templates:
        text = path.read_text()
        for attributes in SCRIPT.findall(text):
            if "src=" not in attributes and "application/json" not in attributes:
                found.append(f"{path}: inline <script{attributes}>")
        patterns = (EVENT_HANDLER, JAVASCRIPT_URL, STYLE)
        if str(path.relative_to(ROOT)) in OUTSIDE_THE_SITE:
            patterns = (EVENT_HANDLER, JAVASCRIPT_URL)
        for pattern in patterns:
            found += [f"{path}: {match}" for match in pattern.findall(text)]
    assert not found, "\n".join(found)
