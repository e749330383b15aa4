"""Nursery mode's cells of the permission matrix (matrix.py NURSERY_RULES): the class's
pictures page, checked through real HTTP requests against class A1.

Allowed: 200 naming the class's pupil, or 302 with the class in nursery mode and the
pupil given a fox. Refused: anonymous visitors are sent to log in, everyone else gets 404
naming nothing of the class, and nothing is changed.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from classrooms.models import ClassroomPage

from .matrix import PUPIL


def exercise_nursery_cell(client, world, cell, check_front_action, assert_refused):
    target = world.targets["class_space"]
    pupil = world.users[PUPIL]
    url = reverse("classrooms:pictures", kwargs={"classroom_id": target.page_id})
    match cell.action:
        case "pictures_view":
            check_front_action(client, cell, target, url)
            if cell.allowed:
                assert pupil.get_full_name() in client.get(url).content.decode()
        case "pictures_save":

            def changed():
                mode = ClassroomPage.objects.get(pk=target.page_id).nursery_mode
                avatar = get_user_model().objects.get(pk=pupil.pk).avatar
                return (mode, avatar) == ("on", "1f98a")

            response = client.post(
                url, {"class_mode": "on", f"avatar-{pupil.pk}": "1f98a", f"mode-{pupil.pk}": ""}
            )
            try:
                if cell.allowed:
                    assert response.status_code == 302, response.status_code
                    assert changed(), "the change was not made"
                else:
                    assert not changed(), "a refused change was made"
                    assert_refused(cell, target, response, url)
            finally:
                ClassroomPage.objects.filter(pk=target.page_id).update(nursery_mode="auto")
                get_user_model().objects.filter(pk=pupil.pk).update(avatar="")
        case _:
            raise AssertionError(f"no request for the nursery cell {cell.obj, cell.action}")
