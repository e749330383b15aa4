"""Shared spaces' cells of the permission matrix (matrix.py SHAREDSPACES_RULES), each
checked through a real HTTP request against sharedspaces_world.py's spaces.

Allowed: 200 naming the space, or 302 with the change made. Refused: anonymous visitors
are sent to log in, everyone else gets 404 naming nothing, and nothing is changed.
"""

from django.urls import reverse

from sharedspaces.models import SpaceClass

from .messaging_checks import assert_refused, shows


def _status(row_id):
    return SpaceClass.objects.get(pk=row_id).status


def check_view(client, cell, url, title):
    response = client.get(url)
    if cell.allowed:
        assert response.status_code == 200 and shows(response, title), response.status_code
        return
    assert_refused(cell, response, url, title)


def check_change(client, cell, url, changed, undo, data=None):
    """POST `url`: allowed, 302 and `changed()`; refused, nothing changed. `undo` resets."""
    response = client.post(url, data or {})
    try:
        if cell.allowed:
            assert response.status_code == 302, response.status_code
            assert changed(), "the change was not made"
            return
        assert not changed(), "a refused change was made"
        assert_refused(cell, response, url)
    finally:
        undo()


def exercise_sharedspaces_cell(client, world, cell):
    spaces = world.sharedspaces
    space = {"space_id": spaces.space_id}
    match (cell.obj, cell.action):
        case ("shared_space", "space_classes"):
            url = reverse("sharedspaces:classes", kwargs=space)
            check_view(client, cell, url, spaces.space_title)
        case ("shared_space", "space_open"):
            url = reverse("sharedspaces:space", kwargs=space)
            response = client.get(url)
            if cell.allowed:
                assert response.status_code == 302, response.status_code
                assert "/connexion/" not in response["Location"]
            else:
                assert_refused(cell, response, url, spaces.space_title)
        case ("shared_space", "space_invite"):
            invited = SpaceClass.objects.filter(
                space_id=spaces.space_id, classroom_id=spaces.far_classroom_id
            )
            check_change(
                client,
                cell,
                reverse("sharedspaces:invite", kwargs=space),
                invited.exists,
                lambda: invited.delete(),
                {"classroom": spaces.far_classroom_id},
            )
        case ("shared_space", "space_take_out"):
            row = spaces.partner_row_id
            url = reverse("sharedspaces:answer", kwargs={**space, "row_id": row, "action": "leave"})
            check_change(
                client,
                cell,
                url,
                lambda: _status(row) == SpaceClass.Status.LEFT,
                lambda: SpaceClass.objects.filter(pk=row).update(status="accepted"),
            )
        case ("shared_space", "space_reorder"):
            row = spaces.partner_row_id
            url = reverse("sharedspaces:move", kwargs={**space, "row_id": row, "direction": "up"})

            def first():
                rows = SpaceClass.objects.filter(space_id=spaces.space_id, status="accepted")
                return rows.order_by("position", "pk").first().pk == row

            def undo():
                for position, pk in enumerate(
                    SpaceClass.objects.filter(space_id=spaces.space_id)
                    .exclude(pk=row)
                    .order_by("pk")
                    .values_list("pk", flat=True)
                ):
                    SpaceClass.objects.filter(pk=pk).update(position=position * 2)
                SpaceClass.objects.filter(pk=row).update(position=1)

            undo()
            check_change(client, cell, url, first, undo)
        case ("space_invitation", "space_classes"):
            url = reverse("sharedspaces:classes", kwargs={"space_id": spaces.invited_space_id})
            check_view(client, cell, url, spaces.invited_space_title)
        case ("space_invitation", "space_accept"):
            row = spaces.invited_row_id
            url = reverse(
                "sharedspaces:answer",
                kwargs={"space_id": spaces.invited_space_id, "row_id": row, "action": "accept"},
            )
            check_change(
                client,
                cell,
                url,
                lambda: _status(row) == SpaceClass.Status.ACCEPTED,
                lambda: SpaceClass.objects.filter(pk=row).update(status="invited"),
            )
        case ("space_creation", "space_new"):
            url = reverse("sharedspaces:new")
            response = client.get(url)
            if cell.allowed:
                assert response.status_code == 200 and b'name="title"' in response.content
            else:
                assert b'name="title"' not in response.content
                assert_refused(cell, response, url)
        case _:
            raise AssertionError(f"no request for the shared spaces cell {cell.obj, cell.action}")
