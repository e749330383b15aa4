"""The library's cells of the permission matrix (matrix.py LIBRARY_RULES), each checked
through a real HTTP request against library_world.py's resources.

Allowed: 200 naming the resource (the PDF's bytes for a file), or 302 with the class
using it. Refused: anonymous visitors are sent to log in, everyone else gets 404 naming
nothing, and nothing is changed.
"""

from django.urls import reverse
from wagtail.models import Page

from library.models import ResourceUse

from .library_world import PDF
from .messaging_checks import assert_refused, content_of, shows


def check_view(client, cell, url, words):
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200 and shows(response, words), response.status_code
        return
    assert_refused(cell, response, url, words)


def check_file(client, cell, url):
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        assert content_of(response) == PDF
        return
    assert_refused(cell, response, url, PDF)


def check_use(client, cell, world, resource_id):
    url = reverse("library:use", kwargs={"resource_id": resource_id})
    uses = ResourceUse.objects.filter(resource_id=resource_id, classroom_id=world.classroom_id)
    before = set(uses.values_list("pk", flat=True))
    response = client.post(url, {"classroom": world.classroom_id})
    new = uses.exclude(pk__in=before)
    try:
        if cell.allowed:
            assert response.status_code == 302, response.status_code
            assert new.exists(), "the class does not use it"
            return
        assert not new.exists(), "a refused use was made"
        assert_refused(cell, response, url)
    finally:
        pages = list(new.values_list("page_id", flat=True))
        new.delete()
        for page in Page.objects.filter(pk__in=pages):
            page.delete()


def exercise_library_cell(client, world, cell):
    library = world.library
    school = {"resource_id": library.school_resource_id}
    portal = {"resource_id": library.portal_resource_id}
    resource = school if cell.obj == "school_resource" else portal
    title = (
        library.school_resource_title
        if cell.obj == "school_resource"
        else library.portal_resource_title
    )
    match (cell.obj, cell.action):
        case ("library", "library_home"):
            url = reverse("library:home") + "?q=poemes&level=CM1"
            check_view(client, cell, url, library.portal_resource_title)
        case ("library", "resource_publish"):
            check_view(client, cell, reverse("library:new"), "Publier une ressource")
        case (_, "resource_read"):
            check_view(client, cell, reverse("library:detail", kwargs=resource), title)
        case (_, "resource_file"):
            url = library.school_file if cell.obj == "school_resource" else library.portal_file
            check_file(client, cell, url)
        case (_, "resource_edit"):
            check_view(client, cell, reverse("library:edit", kwargs=resource), title)
        case (_, "resource_use"):
            check_use(client, cell, library, resource["resource_id"])
        case ("class_resource", "class_resource_view"):
            check_view(client, cell, library.class_page_url, library.attribution)
        case ("class_resource", "class_resource_file"):
            check_file(client, cell, library.class_file)
        case _:
            raise AssertionError(f"no check for {cell}")
