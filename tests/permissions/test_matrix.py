"""Every cell of the permission matrix (matrix.py), checked through a real HTTP request.

Allowed: 200 with the object (its title, or the file's very bytes). Refused on the front
end (pages, media, documents): anonymous visitors are sent to log in, everyone else gets
404 with nothing of the object in it. Refused in the Wagtail admin: anything but 200,
nothing of the object in it; people without admin access are sent to the admin login.
"""

import json
import re
from html import escape
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from classrooms.feeds import feed_token
from classrooms.models import BlogEntryPage, ClassroomPage
from comments.models import ClassComment
from tests.factories import TEST_PASSWORD
from writing.models import ErrorType, Mark, Text

from .builder_checks import exercise_builder_cell
from .cardlogin_checks import exercise_cardlogin_cell
from .consents_checks import exercise_consents_cell
from .dataexport_checks import exercise_dataexport_cell
from .drills_checks import exercise_drills_cell
from .federation_checks import exercise_federation_cell
from .forum_checks import exercise_forum_cell
from .h5p_checks import exercise_h5p_cell
from .homework_checks import exercise_homework_cell
from .liaison_checks import exercise_liaison_cell
from .library_checks import exercise_library_cell
from .matrix import (
    ACTIONS,
    ADMIN,
    ADMIN_OUTSIDERS,
    ADMIN_USERS,
    ANONYMOUS,
    BUILDER_OBJECTS,
    CARDLOGIN_OBJECTS,
    CLASS_AUDIENCE,
    CLASS_PAGES,
    CONSENTS_OBJECTS,
    DATAEXPORT_OBJECTS,
    DIRECTOR,
    DIRECTOR_OTHER_SCHOOL,
    DRILLS_OBJECTS,
    FEDERATION_OBJECTS,
    FORUM_OBJECTS,
    H5P_OBJECTS,
    HOMEWORK_OBJECTS,
    KNOWN_BUGS,
    LIAISON_OBJECTS,
    LIBRARY_OBJECTS,
    MATRIX,
    MESSAGING_OBJECTS,
    NEWSPAPER_OBJECTS,
    NOTIFICATION_OBJECTS,
    OBJECTS,
    PARENT_OTHER_CLASS,
    PENDING_OBJECTS,
    PUPIL,
    PUPIL_OTHER_SCHOOL,
    RETENTION_OBJECTS,
    ROLES,
    SCHOOLYEAR_OBJECTS,
    SHAREDSPACES_OBJECTS,
    STORIES_OBJECTS,
    TEACHER,
    TWOFACTOR_OBJECTS,
    WORKPLANS_OBJECTS,
    check_table,
)
from .messaging_checks import exercise_messaging_cell
from .newspaper_checks import exercise_newspaper_cell
from .notification_checks import exercise_notification_cell
from .nursery_checks import exercise_nursery_cell
from .retention_checks import exercise_retention_cell
from .schoolyear_checks import exercise_schoolyear_cell
from .sharedspaces_checks import exercise_sharedspaces_cell
from .stories_checks import exercise_stories_cell
from .twofactor_checks import exercise_twofactor_cell
from .workplans_checks import exercise_workplans_cell

pytestmark = pytest.mark.django_db


def cell_params(cells):
    params = []
    for cell in cells:
        reason = KNOWN_BUGS.get((cell.role, cell.obj, cell.action))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(cell, id=cell.id, marks=marks))
    return params


def body(response):
    """The bytes of a response; a JSON one (the page chooser's) with its strings unescaped."""
    if response.streaming:
        return b"".join(response.streaming_content)
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False).encode()
    return response.content


def names(content, title):
    return any(form.encode() in content for form in (title, escape(title)))


def assert_nothing_of(target, content):
    assert not names(content, target.title), f"{target.title!r} leaked"
    if target.content is not None:
        assert target.content not in content, "the file's bytes leaked"


def assert_sent_to_login(response, login_path, url):
    assert response.status_code == 302, response.status_code
    location = urlsplit(response["Location"])
    assert location.path == login_path, response["Location"]
    assert parse_qs(location.query)["next"] == [url]


# How each action is exercised and judged.


def check_front_end(client, cell, target):
    response = client.get(target.url)
    content = body(response)
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        if target.content is None:  # a page or a version: it names what it shows
            assert names(content, target.title)
        else:
            assert content == target.content, "not the file's bytes"
        return
    assert_nothing_of(target, content)
    if cell.role == ANONYMOUS:
        assert_sent_to_login(response, "/compte/connexion/", target.url)
    else:
        assert response.status_code == 404, response.status_code


def check_admin_get(client, cell, target, url):
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200, (response.status_code, response.get("Location"))
        assert names(body(response), target.title)
        return response
    assert response.status_code != 200
    assert_nothing_of(target, body(response))
    if cell.role not in ADMIN_USERS:
        assert_sent_to_login(response, "/admin/login/", url)
    return response


def page_state(target):
    page = Page.objects.get(pk=target.page_id)
    return page.title, page.live, page.latest_revision_id, page.live_revision_id


def check_publish(client, cell, target, edit_form):
    """Allowed: the edit view offers to publish and publishing works. Refused: nothing moves."""
    url = f"/admin/pages/{target.page_id}/edit/"
    before = page_state(target)
    if cell.allowed:
        response = check_admin_get(client, cell, target, url)
        assert b'name="action-publish"' in response.content
    data = edit_form.copy()
    data["title"] = f"{target.title} (publié par {cell.role})"
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    title, live, latest_revision_id, live_revision_id = page_state(target)
    if cell.allowed:
        assert response.status_code == 302, "the edit form was refused"
        assert title == data["title"] and live
        assert latest_revision_id != before[2]
        assert live_revision_id == latest_revision_id
    else:
        assert response.status_code != 200
        assert page_state(target) == before
        assert_nothing_of(target, body(response))


def check_delete(client, cell, target):
    url = f"/admin/pages/{target.page_id}/delete/"
    check_admin_get(client, cell, target, url)
    if not cell.allowed:
        response = client.post(url)
        assert response.status_code != 200
        assert Page.objects.filter(pk=target.page_id).exists(), "a refused delete deleted"


def check_discovery(client, cell, target, url):
    """Admin listings answer 200 to every admin user: the question is whom they name."""
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200, (response.status_code, response.get("Location"))
        assert names(body(response), target.title)
    else:
        assert_nothing_of(target, body(response))


def assert_refused_like_a_class_page(cell, target, response, url, *, audience_may_see=True):
    """Refused on the front end: anonymous visitors to the login, everyone else 404.

    The class's own audience may be refused an action (a parent writes nothing) while the
    header still names their class: then only outsiders must learn nothing.
    """
    if not (audience_may_see and cell.role in CLASS_AUDIENCE):
        assert_nothing_of(target, body(response))
    if cell.role == ANONYMOUS:
        assert_sent_to_login(response, "/compte/connexion/", url)
    else:
        assert response.status_code == 404, response.status_code


def check_front_action(client, cell, target, url):
    """A class blog page of the front end: like the class's pages, 404 to outsiders."""
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200, (response.status_code, response.get("Location"))
        assert names(body(response), target.title)
        return
    assert_refused_like_a_class_page(cell, target, response, url)


def check_share(client, cell, target):
    url = reverse("classrooms:entry_visibility", kwargs={"entry_id": target.page_id})
    response = client.post(url, {"visibility": "school"})
    visibility = BlogEntryPage.objects.get(pk=target.page_id).visibility
    if cell.allowed:
        assert response.status_code == 302 and visibility == "school"
        return
    assert visibility == "class"
    assert_refused_like_a_class_page(cell, target, response, url)


def check_feed(client, world, cell, target):
    classroom = ClassroomPage.objects.get(pk=target.page_id)
    reader = world.users[cell.role]
    user_id, token = (reader.pk, feed_token(reader, classroom)) if reader else (1, "0" * 40)
    url = reverse(
        "classrooms:feed",
        kwargs={"classroom_id": classroom.pk, "user_id": user_id, "token": token},
    )
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200 and names(body(response), target.title)
    else:
        assert response.status_code == 404 and not names(body(response), target.title)


def check_comment_view(client, cell, target):
    """The published comment's words are on the entry's page for its readers only."""
    response = client.get(target.url)
    if cell.allowed:
        assert response.status_code == 200 and names(body(response), target.title)
        return
    assert_refused_like_a_class_page(cell, target, response, target.url, audience_may_see=False)


def check_comment_post(client, cell, target):
    url = reverse("comments:post", kwargs={"entry_id": target.comment_entry_id})
    before = ClassComment.objects.count()
    response = client.post(url, {"liked": f"écrit par {cell.role}"})
    if cell.allowed:
        assert response.status_code == 302, response.status_code
        assert ClassComment.objects.count() == before + 1
        return
    assert ClassComment.objects.count() == before
    assert_refused_like_a_class_page(cell, target, response, url, audience_may_see=False)


def check_comment_moderate(client, cell, target):
    url = reverse("comments:moderate", kwargs={"comment_id": target.waiting_comment_id})
    response = client.post(url, {"action": "approve"})
    published = ClassComment.objects.get(pk=target.waiting_comment_id).is_public
    if cell.allowed:
        assert response.status_code == 302 and published
        return
    assert not published
    assert_refused_like_a_class_page(cell, target, response, url)


def check_new_password(client, cell, target):
    """Allowed: a card with the account's username, and the old password stops working.
    Refused: the password stays, anonymous visitors go to log in, everyone else 404."""
    classroom = {"classroom_id": target.classroom_id}
    if cell.action == "reset_password":
        url = reverse(
            "enrolment:reset_password", kwargs={**classroom, "user_id": target.account_id}
        )
        response = client.post(url)
    else:
        url = reverse("enrolment:cards", kwargs=classroom)
        response = client.post(url, {"kind": "parents", "account": [target.account_id]})
    kept = get_user_model().objects.get(pk=target.account_id).check_password(TEST_PASSWORD)
    if cell.allowed:
        assert response.status_code == 200, (response.status_code, response.get("Location"))
        assert f'class="login-card__username">{target.title}<'.encode() in body(response)
        assert not kept, "the card's password is not the account's"
        return
    assert kept, "a refused request changed the password"
    assert_nothing_of(target, body(response))
    if cell.role == ANONYMOUS:
        assert_sent_to_login(response, "/compte/connexion/", url)
    else:
        assert response.status_code == 404, response.status_code


# The writing workshop (writing/urls.py).


def writing_url(name, target, **kwargs):
    if target.text_id is not None:
        kwargs["text_id"] = target.text_id
    else:
        kwargs["classroom_id"] = target.page_id
    return reverse(f"writing:{name}", kwargs=kwargs)


def check_writing_read(client, cell, target, url):
    """A text's pages: allowed, 200 naming it; refused, nothing of it even to the class."""
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200, (response.status_code, response.get("Location"))
        assert names(body(response), target.title)
        return
    assert_refused_like_a_class_page(cell, target, response, url, audience_may_see=False)


def check_writing_change(client, cell, target, url, data, state):
    """A POST: allowed, 302 and `state()` changed; refused, nothing changed."""
    before = state()
    response = client.post(url, data)
    if cell.allowed:
        assert response.status_code == 302, (response.status_code, response.content[:2000])
        assert state() != before, "the change was not made"
        return
    assert state() == before, "a refused request changed something"
    assert_refused_like_a_class_page(cell, target, response, url, audience_may_see=False)


def check_progress_csv(client, world, cell, target):
    url = writing_url("class_progress_csv", target)
    response = client.get(url)
    pupil = world.users[PUPIL].get_full_name()
    if cell.allowed:
        assert response.status_code == 200, (response.status_code, response.get("Location"))
        assert response["Content-Type"].startswith("text/csv")
        assert names(body(response), pupil)
        return
    assert not body(response).startswith("\ufeff".encode())
    assert_refused_like_a_class_page(cell, target, response, url)


def exercise_writing_cell(client, world, cell, target):
    text = Text.objects.get(pk=target.text_id) if target.text_id else None
    match cell.action:
        case "set_assignment":
            check_front_action(client, cell, target, writing_url("assignment_new", target))
        case "legend" | "class_progress":
            check_front_action(client, cell, target, writing_url(cell.action, target))
        case "class_progress_csv":
            check_progress_csv(client, world, cell, target)
        case "pupil_progress":
            url = writing_url("pupil_progress", target, pupil_id=world.users[PUPIL].pk)
            check_front_action(client, cell, target, url)
        case "text_view":
            check_writing_read(client, cell, target, target.url)
        case "draft_view":
            check_writing_read(client, cell, target, writing_url("draft", target, number=1))
        case "compare":
            check_writing_read(client, cell, target, writing_url("compare", target))
        case "live":
            url = writing_url("text_news", target) + "?depuis=0"
            response = client.get(url)
            if cell.allowed:
                assert response.status_code == 200, (response.status_code, response.get("Location"))
            else:
                assert_refused_like_a_class_page(
                    cell, target, response, url, audience_may_see=False
                )
        case "text_save":
            data = {
                "title": text.title,
                "body": f"{text.body}\n\nÉcrit par {cell.role}.",
                "base_version": text.version,
                "base_body": text.body,
                "action": "save",
            }

            def version():
                return Text.objects.get(pk=text.pk).version

            check_writing_change(client, cell, target, target.url, data, version)
        case "mark":
            word = "saute"
            start = text.drafts.get(number=1).body.index(word)
            kind = ErrorType.objects.filter(
                classroom_id=text.assignment.get_parent().pk, praise=False
            ).first()
            data = {"start": start, "end": start + len(word), "kind": kind.pk, "hint": ""}

            def marks():
                return Mark.objects.filter(draft__text=text).count()

            url = writing_url("mark_add", target, number=1)
            check_writing_change(client, cell, target, url, data, marks)
        case "share":
            data = {"shared": "0" if text.shared_with_parents else "1"}

            def shared():
                return Text.objects.get(pk=text.pk).shared_with_parents

            check_writing_change(client, cell, target, writing_url("share", target), data, shared)
        case _:
            raise AssertionError(f"no request for the action {cell.action!r}")


WRITING_ACTIONS = {
    "set_assignment",
    "legend",
    "class_progress",
    "class_progress_csv",
    "pupil_progress",
    "text_view",
    "text_save",
    "draft_view",
    "compare",
    "live",
    "mark",
}


def exercise_cell(client, world, cell):
    if cell.obj in MESSAGING_OBJECTS:
        return exercise_messaging_cell(client, world, cell)
    if cell.obj in NOTIFICATION_OBJECTS:
        return exercise_notification_cell(client, world, cell)
    if cell.obj in HOMEWORK_OBJECTS:
        return exercise_homework_cell(client, world, cell)
    if cell.obj in LIAISON_OBJECTS:
        return exercise_liaison_cell(client, world, cell)
    if cell.obj in SHAREDSPACES_OBJECTS:
        return exercise_sharedspaces_cell(client, world, cell)
    if cell.obj in FORUM_OBJECTS:
        return exercise_forum_cell(client, world, cell)
    if cell.obj in STORIES_OBJECTS:
        return exercise_stories_cell(client, world, cell)
    if cell.obj in NEWSPAPER_OBJECTS:
        return exercise_newspaper_cell(client, world, cell)
    if cell.obj in WORKPLANS_OBJECTS:
        return exercise_workplans_cell(client, world, cell)
    if cell.obj in DRILLS_OBJECTS:
        return exercise_drills_cell(client, world, cell)
    if cell.obj in CARDLOGIN_OBJECTS:
        return exercise_cardlogin_cell(client, world, cell)
    if cell.obj in SCHOOLYEAR_OBJECTS:
        return exercise_schoolyear_cell(client, world, cell)
    if cell.obj in DATAEXPORT_OBJECTS:
        return exercise_dataexport_cell(client, world, cell)
    if cell.obj in FEDERATION_OBJECTS:
        return exercise_federation_cell(client, world, cell)
    if cell.obj in CONSENTS_OBJECTS:
        return exercise_consents_cell(client, world, cell)
    if cell.obj in RETENTION_OBJECTS:
        return exercise_retention_cell(client, world, cell)
    if cell.obj in LIBRARY_OBJECTS:
        return exercise_library_cell(client, world, cell)
    if cell.obj in TWOFACTOR_OBJECTS:
        return exercise_twofactor_cell(client, world, cell)
    if cell.obj in H5P_OBJECTS:
        return exercise_h5p_cell(client, world, cell)
    if cell.obj in BUILDER_OBJECTS:
        return exercise_builder_cell(client, world, cell)
    if cell.action in ("pictures_view", "pictures_save"):
        return exercise_nursery_cell(
            client, world, cell, check_front_action, assert_refused_like_a_class_page
        )
    target = world.targets[cell.obj]
    entry_url = {"entry_id": target.page_id}
    view_draft = f"/admin/pages/{target.page_id}/view_draft/"
    if cell.action in WRITING_ACTIONS or target.text_id is not None:
        return exercise_writing_cell(client, world, cell, target)
    match cell.action:
        case "view" if cell.obj == "draft_entry":
            check_admin_get(client, cell, target, view_draft)
        case "view":
            check_front_end(client, cell, target)
        case "preview":
            check_admin_get(client, cell, target, view_draft)
        case "edit":
            check_admin_get(client, cell, target, f"/admin/pages/{target.page_id}/edit/")
        case "publish":
            check_publish(client, cell, target, world.edit_forms[cell.obj])
        case "delete":
            check_delete(client, cell, target)
        case "chooser":
            check_discovery(client, cell, target, f"/admin/choose-page/{target.parent_id}/")
        case "bulk_action":
            check_discovery(client, cell, target, target.bulk_url)
        case "write":
            url = reverse("classrooms:entry_new", kwargs={"classroom_id": target.page_id})
            check_front_action(client, cell, target, url)
        case "front_edit":
            check_front_action(
                client, cell, target, reverse("classrooms:entry_edit", kwargs=entry_url)
            )
        case "review":
            url = reverse("classrooms:entry_review", kwargs=entry_url)
            check_front_action(client, cell, target, url)
        case "share":
            check_share(client, cell, target)
        case "feed":
            check_feed(client, world, cell, target)
        case "comment_view":
            check_comment_view(client, cell, target)
        case "comment_post":
            check_comment_post(client, cell, target)
        case "comment_moderate":
            check_comment_moderate(client, cell, target)
        case "reset_password" | "login_card":
            check_new_password(client, cell, target)
        case _:
            raise AssertionError(f"no request for the action {cell.action!r}")


@pytest.mark.parametrize("cell", cell_params(MATRIX))
def test_permission_matrix(client, matrix_world, cell):
    matrix_world.client_for(cell.role, client)
    exercise_cell(client, matrix_world, cell)


@pytest.mark.parametrize(
    "cell", cell_params([c for c in MATRIX if c.action == "delete" and c.allowed])
)
def test_allowed_deletion_really_deletes(client, matrix_world, cell):
    target = matrix_world.targets[cell.obj]
    matrix_world.client_for(cell.role, client)

    response = client.post(f"/admin/pages/{target.page_id}/delete/")

    assert response.status_code == 302
    assert not Page.objects.filter(pk=target.page_id).exists()


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_is_never_served_on_the_front_end(client, matrix_world, role):
    draft = matrix_world.targets["draft_entry"]
    matrix_world.client_for(role, client)

    response = client.get(draft.url)

    assert response.status_code == 404
    assert_nothing_of(draft, body(response))


# No existence leak: an outsider cannot tell a private object from one that does not exist.

MISSING_URLS = {
    "class_space": "/ecole-jean-jaures/cm2-qui-n-existe-pas/",
    "blog_entry": "/ecole-jean-jaures/cp-de-mme-durand/article-qui-n-existe-pas/",
    "exercise": "/ecole-jean-jaures/cp-de-mme-durand/exercice-qui-n-existe-pas/",
    "writing_assignment": "/ecole-jean-jaures/cp-de-mme-durand/ecrit-qui-n-existe-pas/",
    "writing_text": "/ecrits/textes/999999/",
    "class_image": "/media/original_images/photo-qui-n-existe-pas.png",
    "class_rendition": "/media/images/photo-qui-n-existe-pas.width-100.png",
    "class_document": "/documents/999999/document-qui-n-existe-pas.txt",
    "class_document_file": "/media/documents/document-qui-n-existe-pas.txt",
    "class_audio": "/media/media/conte-qui-n-existe-pas.webm",
}


@pytest.mark.parametrize("obj", MISSING_URLS)
@pytest.mark.parametrize("role", [PUPIL_OTHER_SCHOOL, PARENT_OTHER_CLASS, DIRECTOR_OTHER_SCHOOL])
def test_outsiders_404_is_that_of_a_missing_url(client, matrix_world, role, obj):
    target = matrix_world.targets[obj]
    matrix_world.client_for(role, client)

    private = client.get(target.url)
    missing = client.get(MISSING_URLS[obj])

    assert private.status_code == missing.status_code == 404
    # The 404 page repeats the requested address (language switch, login link): apart
    # from it, nothing may differ.
    assert without_path(private, target.url) == without_path(missing, MISSING_URLS[obj])
    assert private["Content-Type"] == missing["Content-Type"]


def without_path(response, path):
    """The page with the requested address and the (random, per response) CSRF masks
    replaced by placeholders."""
    content = response.content.decode()
    for form in (path, quote(path, safe=""), escape(path)):
        content = content.replace(form, "<requested path>")
    return re.sub(r"[A-Za-z0-9]{64}", "<csrf token>", content)


# Admin channels that are not about one object.


@pytest.mark.parametrize("role", sorted(ADMIN_OUTSIDERS | {TEACHER, DIRECTOR}))
def test_admin_reports_are_for_portal_admins_only(client, matrix_world, role):
    """Reports list pages across the portal (the last edited page of each type...)."""
    matrix_world.client_for(role, client)

    response = client.get("/admin/reports/page-types-usage/")

    assert response.status_code == 404
    if role in ADMIN_OUTSIDERS:  # the class's own staff see its title in their header
        for obj in CLASS_PAGES:
            assert_nothing_of(matrix_world.targets[obj], body(response))


def test_page_types_report_names_class_pages_to_the_portal_admin(client, matrix_world):
    """The control: the report does name them, so the test above can see a leak."""
    matrix_world.client_for(ADMIN, client)

    response = client.get("/admin/reports/page-types-usage/")

    assert names(body(response), matrix_world.targets["draft_entry"].title)


# The table itself.


def test_the_table_is_consistent():
    check_table()
    assert {cell.role for cell in MATRIX} == set(ROLES)
    assert {cell.obj for cell in MATRIX} == set(OBJECTS)
    assert {cell.action for cell in MATRIX} == set(ACTIONS)
    assert not set(PENDING_OBJECTS) & set(OBJECTS)
