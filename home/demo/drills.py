"""The demo's levelled drill (mixed into `DemoLoader`): mental calculation in three levels
in the CM1 de M. Benali, where pupils stand at different levels after a few rounds.

Lucas is at level 1 with a round just short of the mark: one good round moves him up.
Inès climbed to level 3, Raphaël went back to level 1 after three failures at level 2,
and M. Benali put Jules at level 2 himself. Loaded once: skipped when the drill has rounds.
"""

from drills import rounds
from drills.models import (
    DrillLevel,
    DrillLevelChange,
    DrillPage,
    DrillProgress,
    DrillRound,
    Outcome,
)

DRILL_CLASS = "jaures-cm1"
DRILL_TITLE = "Calcul mental : monter les niveaux"
DRILL_SLUG = "calcul-mental-niveaux"
DRILL_INTRO = (
    "Calcule dans ta tête et écris le résultat. Une série réussie à 80 % te fait passer "
    "au niveau suivant."
)
LEVELS = (
    ("Niveau 1 : ajouter jusqu’à 20", "add", 1, 10, 8, None),
    ("Niveau 2 : soustraire jusqu’à 50", "subtract", 5, 50, 8, None),
    ("Niveau 3 : les tables de multiplication", "multiply", 2, 9, 10, 120),
)
# Pupil → the rounds they played, oldest first: (days ago, right answers out of the level's).
PLAYED = {
    "Lucas": ((3, 4), (1, 6)),  # 6 out of 8 = 75 %: stays, one good round from level 2
    "Inès": ((5, 8), (4, 7), (2, 9)),  # up, up, then 90 % at level 3
    "Raphaël": ((6, 8), (4, 2), (3, 3), (2, 1)),  # up, then three failures: back to 1
}
SET_BY_TEACHER = ("Jules", 2)


class DemoDrills:
    """Loads the CM1's levelled drill and its pupils' rounds, once."""

    def load_drills(self):
        classroom = self.classrooms[DRILL_CLASS]
        teacher = next(
            self.users[spec.teacher]
            for spec in self.schools[DRILL_CLASS].classes
            if spec.key == DRILL_CLASS
        )
        drill = DrillPage(title=DRILL_TITLE, slug=DRILL_SLUG, intro=DRILL_INTRO, owner=teacher)
        drill.levels = [
            DrillLevel(
                name=name,
                operation=operation,
                minimum=low,
                maximum=high,
                operations=count,
                seconds=seconds,
            )
            for name, operation, low, high, count, seconds in LEVELS
        ]
        drill = self.page(classroom, drill, teacher)
        if DrillRound.objects.filter(drill=drill).exists():
            return
        for first_name, played in PLAYED.items():
            pupil = self.pupil(DRILL_CLASS, first_name)
            for days_ago, right in played:
                round_ = rounds.start(drill, pupil)
                answers = [row["result"] for row in rounds.operations(round_)]
                typed = [str(a) for a in answers[:right]] + ["0"] * (len(answers) - right)
                round_ = rounds.finish(round_, typed)
                when = self.moment(days_ago, 10, 15)
                DrillRound.objects.filter(pk=round_.pk).update(started_at=when, finished_at=when)
                DrillLevelChange.objects.filter(drill=drill, pupil=pupil, at__gt=when).update(
                    at=when
                )
                if round_.outcome != Outcome.STAY:
                    DrillProgress.objects.filter(drill=drill, pupil=pupil).update(updated=when)
        first_name, level = SET_BY_TEACHER
        rounds.set_level(drill, self.pupil(DRILL_CLASS, first_name), level, teacher)
