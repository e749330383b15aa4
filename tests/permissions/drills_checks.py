"""The levelled drills' cells of the permission matrix (matrix.py DRILLS_RULES), each
checked through a real HTTP request against drills_world.py's objects.

Allowed: 200 showing the object, or 302 with the change made (then undone, the world is
shared by the module). Refused: anonymous visitors are sent to log in, everyone else gets
404 with nothing of the object in it, and nothing is made or changed. The drill's page
answers 200 to all its class's readers: there, refused means the child's progress is not
on it.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from drills import rounds
from drills.models import DrillLevelChange, DrillPage, DrillProgress, DrillRound
from tests.drills.drill_factory import right_answers

from .drills_world import DRILL_TITLE
from .homework_checks import check_page
from .matrix import ANONYMOUS
from .messaging_checks import assert_refused, shows


def _restore_level(world, level=2):
    """Put the class's pupil back where the world left them, forgetting the changes made."""
    dw = world.drills
    DrillProgress.objects.filter(drill=dw.drill_id, pupil=dw.pupil_id).update(
        level=level, set_by=None
    )


def check_start(client, world, cell):
    dw = world.drills
    url = reverse("drills:start", kwargs={"drill_id": dw.drill_id})
    before = set(DrillRound.objects.values_list("pk", flat=True))
    response = client.post(url)
    made = DrillRound.objects.exclude(pk__in=before)
    if cell.allowed:
        assert response.status_code == 302 and made.count() == 1, response.status_code
        made.delete()
        return
    assert not made.exists(), "a refused request started a round"
    assert_refused(cell, response, url, DRILL_TITLE)


def check_submit(client, world, cell):
    dw = world.drills
    drill = DrillPage.objects.get(pk=dw.drill_id)
    round_ = rounds.start(drill, get_user_model().objects.get(pk=dw.pupil_id))
    url = reverse("drills:round", kwargs={"round_id": round_.pk})
    changes = set(DrillLevelChange.objects.values_list("pk", flat=True))
    response = client.post(url, {"answers": right_answers(round_)})
    round_.refresh_from_db()
    try:
        if cell.allowed:
            assert response.status_code == 302 and round_.finished_at is not None
            return
        assert round_.finished_at is None, "a refused request answered the round"
        assert_refused(cell, response, url)
    finally:
        round_.delete()
        DrillLevelChange.objects.exclude(pk__in=changes).delete()
        _restore_level(world)


def check_set_level(client, world, cell):
    dw = world.drills
    url = reverse("drills:set_level", kwargs={"drill_id": dw.drill_id, "pupil_id": dw.pupil_id})
    response = client.post(url, {"level": "3"})
    progress = DrillProgress.objects.get(drill=dw.drill_id, pupil=dw.pupil_id)
    try:
        if cell.allowed:
            assert response.status_code == 302 and progress.level == 3 and progress.set_by_id
            return
        assert progress.level == 2 and progress.set_by_id is None, "a refused request set it"
        assert_refused(cell, response, url)
    finally:
        DrillLevelChange.objects.filter(drill=dw.drill_id, set_by__isnull=False).delete()
        _restore_level(world)


def check_child_progress(client, world, cell):
    """A parent reads their child's progress on the drill's page; nobody else does there."""
    dw = world.drills
    words = f"Progrès de {dw.pupil_name}"
    response = client.get(dw.drill_url)
    if cell.allowed:
        assert response.status_code == 200 and shows(response, words), response.status_code
    elif response.status_code == 200:
        assert cell.role != ANONYMOUS and not shows(response, words), f"{words!r} leaked"
    else:
        assert_refused(cell, response, dw.drill_url, DRILL_TITLE)


def exercise_drills_cell(client, world, cell):
    dw = world.drills
    match cell.action:
        case "drill_view":
            check_page(client, cell, dw.drill_url, DRILL_TITLE)
        case "drill_start":
            check_start(client, world, cell)
        case "drill_submit":
            check_submit(client, world, cell)
        case "drill_grid":
            url = reverse("drills:grid", kwargs={"drill_id": dw.drill_id})
            check_page(client, cell, url, f"Niveaux de la classe : {DRILL_TITLE}")
        case "drill_set_level":
            check_set_level(client, world, cell)
        case "drill_child_progress":
            check_child_progress(client, world, cell)
        case "drill_write":
            url = reverse("drills:new", kwargs={"classroom_id": dw.classroom_id})
            check_page(client, cell, url, "levels-TOTAL_FORMS")
        case "drill_edit":
            url = reverse("drills:edit", kwargs={"drill_id": dw.drill_id})
            check_page(client, cell, url, DRILL_TITLE)
        case _:
            raise AssertionError(f"no request for the action {cell.action!r}")
