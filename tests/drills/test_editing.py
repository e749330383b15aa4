"""A teacher writes a drill from the class space (three levels offered) and edits it;
a wrong level keeps what was typed; the Wagtail admin's inline of levels works too."""

import pytest
from django.urls import reverse

from drills.models import DrillPage, DrillProgress
from drills.rounds import set_level

pytestmark = pytest.mark.django_db

LEVEL_FIELDS = ("name", "operation", "minimum", "maximum", "operations", "seconds")


def form_data(levels, initial=3, **fields):
    data = {
        "title": "Tables de multiplication",
        "intro": "Calcule vite et bien.",
        "move_up_percent": "80",
        "move_down_percent": "50",
        "move_down_after": "3",
        "levels-TOTAL_FORMS": str(len(levels)),
        "levels-INITIAL_FORMS": str(min(initial, len(levels))),
        "levels-MIN_NUM_FORMS": "0",
        "levels-MAX_NUM_FORMS": "10",
    }
    for index, level in enumerate(levels):
        for field, value in zip(LEVEL_FIELDS, level[:6], strict=True):
            data[f"levels-{index}-{field}"] = value
        if len(level) > 6:
            data[f"levels-{index}-DELETE"] = "on"
    data.update(fields)
    return data


def test_the_new_form_offers_three_levels_and_is_on_the_wall(client, world):
    client.force_login(world.teacher)
    url = reverse("drills:new", kwargs={"classroom_id": world.classroom.pk})
    page = client.get(url).content.decode()
    assert "Niveau 1 : ajouter jusqu’à 10" in page and "Niveau 3 : soustraire" in page
    assert url in client.get(world.classroom.url).content.decode()


def test_a_teacher_sets_a_drill_with_its_levels(client, world):
    client.force_login(world.teacher)
    url = reverse("drills:new", kwargs={"classroom_id": world.classroom.pk})
    levels = [
        ("Table de 2", "multiply", "2", "2", "5", ""),
        ("Tables de 2 à 5", "multiply", "2", "5", "10", "90"),
        ("Niveau 3 : soustraire jusqu’à 20", "subtract", "0", "20", "10", "120", "delete"),
        ("", "add", "", "", "10", ""),  # a blank row is left out
    ]
    response = client.post(url, form_data(levels))
    drill = DrillPage.objects.get()
    assert response.status_code == 302 and response["Location"] == drill.url
    assert drill.live and drill.get_parent().pk == world.classroom.pk
    assert [(lv.name, lv.seconds) for lv in drill.levels.all()] == [
        ("Table de 2", None),
        ("Tables de 2 à 5", 90),
    ]


def test_a_wrong_level_keeps_what_was_typed(client, world):
    client.force_login(world.teacher)
    url = reverse("drills:new", kwargs={"classroom_id": world.classroom.pk})
    response = client.post(url, form_data([("Grands nombres", "add", "50", "10", "5", "")]))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Le plus grand nombre ne doit pas être plus petit" in page
    assert 'value="Grands nombres"' in page and 'value="Tables de multiplication"' in page
    assert not DrillPage.objects.exists()


def test_editing_keeps_the_pupils_levels(client, drills):
    drill, world = drills.drill, drills.world
    set_level(drill, world.pupil, 3, world.teacher)
    client.force_login(world.teacher)
    url = reverse("drills:edit", kwargs={"drill_id": drill.pk})
    assert "Niveau 2 : ajouter jusqu’à 20" in client.get(url).content.decode()
    levels = [(f"Étape {n}", "add", "0", str(n * 10), "5", "") for n in (1, 2, 3)]
    assert client.post(url, form_data(levels, title="Calcul rapide")).status_code == 302
    drill.refresh_from_db()
    assert drill.title == "Calcul rapide"
    assert [lv.name for lv in drill.levels.all()] == ["Étape 1", "Étape 2", "Étape 3"]
    assert DrillProgress.objects.get(pupil=world.pupil).level == 3


@pytest.mark.parametrize("who", ["pupil", "parent", "director"])
def test_only_teachers_write_drills(client, drills, who):
    client.force_login(getattr(drills.world, who))
    new = reverse("drills:new", kwargs={"classroom_id": drills.world.classroom.pk})
    edit = reverse("drills:edit", kwargs={"drill_id": drills.drill.pk})
    assert client.get(new).status_code == 404
    assert client.post(edit, form_data([("X", "add", "0", "1", "1", "")])).status_code == 404


def test_the_wagtail_admin_adds_a_drill_with_its_levels(admin_client, world):
    url = reverse("wagtailadmin_pages:add", args=("drills", "drillpage", world.classroom.pk))
    assert admin_client.get(url).status_code == 200
    data = {
        "title": "Compléments à 10",
        "slug": "complements-a-10",
        "intro": "",
        "move_up_percent": "80",
        "move_down_percent": "50",
        "move_down_after": "3",
        "levels-TOTAL_FORMS": "1",
        "levels-INITIAL_FORMS": "0",
        "levels-MIN_NUM_FORMS": "1",
        "levels-MAX_NUM_FORMS": "1000",
        "levels-0-name": "Niveau 1",
        "levels-0-operation": "add",
        "levels-0-minimum": "0",
        "levels-0-maximum": "10",
        "levels-0-operations": "10",
        "levels-0-seconds": "",
        "levels-0-ORDER": "1",
        "levels-0-DELETE": "",
        "levels-0-id": "",
        "action-publish": "publish",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    drill = DrillPage.objects.get(slug="complements-a-10")
    assert drill.live and [lv.name for lv in drill.levels.all()] == ["Niveau 1"]
