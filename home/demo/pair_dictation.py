"""The demo's recorded dictation done in pairs (mixed into `DemoLoader`; issue 22, seed 004).

In the CE1 de Mme Petit, « Dictée à deux : le marché » is set « à faire à deux »: an
instruction, then a dictation whose recording Mme Petit made (the demo's generated
melody stands for her voice, as it does for the pupils' recordings on the class walls).
Emma did it with Louis on one tablet: both are credited and both read the result.
Loaded once: skipped when the exercise exists.
"""

from django.core.files.base import ContentFile
from django.http import QueryDict
from django.utils.text import slugify
from wagtailmedia.models import Media

from exercises import attempts
from exercises.models import ExercisePage

from . import audio as demo_audio

CLASS_KEY = "bourg-ce1"
TITLE = "Dictée à deux : le marché"
INSTRUCTION = (
    "Écoutez la dictée à deux, sur une tablette. L’un écrit, l’autre relit : "
    "changez de rôle à chaque phrase."
)
TEXT = "Le samedi, nous allons au marché. Maman achète des pommes et des carottes."
# What Emma and Louis wrote together: two mistakes.
WRITTEN = "Le samedi, nous allons au marcher. Maman achète des pomme et des carottes."
PUPIL, PARTNER = "Emma", "Louis"


class DemoPairDictation:
    def load_pair_dictation(self):
        classroom = self.classrooms[CLASS_KEY]
        if classroom.get_children().filter(slug=slugify(TITLE)).exists():
            return
        teacher = self.teacher_of(CLASS_KEY)
        media = Media(
            title=f"{TITLE} · enregistrement de Mme Petit",
            type="audio",
            duration=demo_audio.DURATION,
            collection=classroom.collection,
            uploaded_by_user=teacher,
        )
        media.file.save(f"{slugify(TITLE)}.wav", ContentFile(demo_audio.melody()), save=False)
        media.save()
        exercise = self.page(
            classroom,
            ExercisePage(
                title=TITLE,
                in_pairs=True,
                max_attempts=1,
                body=[
                    ("instruction", {"text": INSTRUCTION, "audio": media}),
                    (
                        "dictation",
                        {
                            "prompt": "Écrivez la dictée.",
                            "audio": media,
                            "text": TEXT,
                            "points": 10,
                        },
                    ),
                ],
            ),
            teacher,
        )
        exercise = ExercisePage.objects.get(pk=exercise.pk)
        attempt = attempts.start_or_resume(
            exercise, self.pupil(CLASS_KEY, PUPIL), partner=self.pupil(CLASS_KEY, PARTNER)
        )
        questions = attempts.questions(exercise)
        answer = QueryDict(mutable=True)
        answer["q-text"] = WRITTEN
        attempts.record_answer(attempt, questions[0], answer)
        attempts.finish(attempt, questions)
