"""Builds a published drill with its levels, for the drills' tests, the permission matrix
and the browser journey."""

from drills.models import DrillLevel, DrillPage

THREE_LEVELS = (
    ("Niveau 1 : ajouter jusqu’à 10", "add", 0, 5, 4, None),
    ("Niveau 2 : ajouter jusqu’à 20", "add", 5, 10, 4, None),
    ("Niveau 3 : multiplier", "multiply", 2, 9, 4, 60),
)


def make_drill(classroom, title="Calcul mental en niveaux", levels=THREE_LEVELS, **fields):
    drill = DrillPage(title=title, **fields)
    drill.levels = [
        DrillLevel(
            name=name, operation=operation, minimum=low, maximum=high, operations=count, seconds=s
        )
        for name, operation, low, high, count, s in levels
    ]
    classroom.add_child(instance=drill)
    drill.save_revision().publish()
    return DrillPage.objects.get(pk=drill.pk)


def right_answers(round_):
    """The right results of a round, as a pupil would type them."""
    from drills.rounds import operations

    return [str(row["result"]) for row in operations(round_)]
