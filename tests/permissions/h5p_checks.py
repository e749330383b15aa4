"""H5P activities' cells of the permission matrix (matrix.py H5P_RULES), each checked
through a real HTTP request against h5p_world.py's objects.

Allowed: the package's file (200, its words), or the score recorded (200, in the
attempt). Refused: anonymous visitors are sent to log in, everyone else gets 404 with
nothing of the package in it, and no score is recorded.
"""

from exercises.models import Attempt

from .h5p_world import H5P_STATEMENT
from .messaging_checks import assert_refused, shows


def check_file(client, world, cell):
    response = client.get(world.h5p.file_url)
    if cell.allowed:
        assert response.status_code == 200 and shows(response, H5P_STATEMENT)
        return
    assert_refused(cell, response, world.h5p.file_url, H5P_STATEMENT)


def check_report(client, world, cell):
    url = world.h5p.report_url
    response = client.post(url, {"raw": "1", "max": "1", "verb": "answered"})
    attempt = Attempt.objects.get(pk=world.h5p.attempt_id)
    if cell.allowed:
        assert response.status_code == 200, response.status_code
        assert len(attempt.answers) == 1
        Attempt.objects.filter(pk=attempt.pk).update(answers={})
        return
    assert attempt.answers == {}, "a refused request recorded a score"
    assert_refused(cell, response, url)


def exercise_h5p_cell(client, world, cell):
    match cell.action:
        case "h5p_file":
            check_file(client, world, cell)
        case "h5p_report":
            check_report(client, world, cell)
        case _:
            raise AssertionError(f"no request for the action {cell.action!r}")
