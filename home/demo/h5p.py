"""The demo's H5P activity (mixed into `DemoLoader`): in M. Benali's CM1, an exercise
plays a small "true or false" H5P package (h5p_package.py) and Inès's score, reported
by the activity, is in the results table. Lucas (lucas.bernard) has not played it yet.
Loaded once: skipped when the class already has the package.
"""

from datetime import timedelta

from django.core.files.base import ContentFile

from exercises import attempts
from exercises.models import Attempt, ExercisePage, H5PPackage

from .h5p_package import true_false_package

H5P_CLASS = "jaures-cm1"
PACKAGE_TITLE = "Vrai ou faux : le cycle de l’eau"
EXERCISE_TITLE = "Le cycle de l’eau (activité H5P)"
STATEMENTS = (
    ("L’eau des océans s’évapore sous l’effet de la chaleur du Soleil.", True),
    ("Les nuages sont faits de fumée.", False),
    ("La pluie, la neige et la grêle sont des précipitations.", True),
    ("L’eau d’une rivière ne rejoint jamais la mer.", False),
)
PLAYED_BY = "Inès"
PLAYED_SCORE = 3


class DemoH5P:
    def load_h5p(self):
        classroom = self.classrooms[H5P_CLASS]
        teacher = self.teacher_of(H5P_CLASS)
        if H5PPackage.objects.filter(classroom=classroom, title=PACKAGE_TITLE).exists():
            return
        package = H5PPackage(title=PACKAGE_TITLE, classroom=classroom, uploaded_by=teacher)
        package.file.save(
            "cycle-de-l-eau.h5p",
            ContentFile(
                true_false_package(
                    PACKAGE_TITLE,
                    "Le cycle de l’eau : vrai ou faux ?",
                    STATEMENTS,
                )
            ),
        )
        exercise = self.page(
            classroom,
            ExercisePage(
                title=EXERCISE_TITLE,
                body=[
                    (
                        "instruction",
                        {"text": "Lis chaque phrase, choisis « Vrai » ou « Faux », puis vérifie."},
                    ),
                    (
                        "h5p",
                        {
                            "prompt": "Le cycle de l’eau : vrai ou faux ?",
                            "points": len(STATEMENTS),
                            "package": package,
                        },
                    ),
                ],
                max_attempts=2,
            ),
            teacher,
        )
        pupil = self.pupil(H5P_CLASS, PLAYED_BY)
        attempt = attempts.start_or_resume(exercise, pupil)
        questions = attempts.questions(attempts.version_of(attempt))
        attempts.save_answer(
            attempt,
            questions[0],
            {
                "raw": PLAYED_SCORE,
                "max": len(STATEMENTS),
                "completion": True,
                "success": False,
                "verb": "answered",
            },
        )
        attempts.finish(attempt, questions)
        # She played for four minutes, as the results table's time says.
        Attempt.objects.filter(pk=attempt.pk).update(
            started_at=attempt.finished_at - timedelta(minutes=4)
        )
