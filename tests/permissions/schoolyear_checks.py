"""The year rollover's cells of the permission matrix (matrix.py SCHOOLYEAR_RULES), each
checked through a real HTTP request against schoolyear_world.py.

Allowed (the school's director, the portal administrator): the upload page answers, and
applying without a preview sends back to it with a message, changing nothing. Refused:
anonymous visitors are sent to log in, everyone else gets 404, and no rollover is made.
"""

from django.urls import reverse

from .messaging_checks import assert_refused, shows


def _no_rollover():
    from classrooms.models import ClassroomPage
    from schoolyear.models import Rollover

    assert not Rollover.objects.exists(), "a rollover was made"
    assert not ClassroomPage.objects.filter(closed_on__isnull=False).exists()


def exercise_schoolyear_cell(client, world, cell):
    kwargs = {"school_id": world.schoolyear.school_id}
    upload_url = reverse("schoolyear:rollover", kwargs=kwargs)
    match cell.action:
        case "rollover_open":
            response = client.get(upload_url)
            if cell.allowed:
                assert response.status_code == 200, response.status_code
                assert shows(response, 'name="pupils_file"')
                return
            assert_refused(cell, response, upload_url)
        case "rollover_by_hand":
            url = reverse("schoolyear:rollover_by_hand", kwargs=kwargs)
            response = client.get(url)
            if cell.allowed:
                assert response.status_code == 200, response.status_code
                assert shows(response, 'name="class-')
                return
            assert_refused(cell, response, url)
        case "rollover_apply":
            url = reverse("schoolyear:rollover_apply", kwargs=kwargs)
            response = client.post(url, {"fingerprint": "never previewed"})
            if cell.allowed:
                assert response.status_code == 302, response.status_code
                assert response["Location"] == upload_url
            else:
                assert_refused(cell, response, url)
            _no_rollover()
        case _:
            raise AssertionError(f"no request for the action {cell.action!r}")
