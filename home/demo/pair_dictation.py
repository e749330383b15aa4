"""The demo's recorded dictation done in pairs (mixed into `DemoLoader`; issue 22, seed 004).

In the CE1 de Mme Petit, « Dictée à deux : le marché » is set « à faire à deux »: an
instruction and a dictation, each read aloud in a recording (the files in media/ were made
with espeak-ng's French voice, standing for Mme Petit's own).
Emma did it with Louis on one tablet: both are credited and both read the result.
Loaded once: skipped when the exercise exists.
"""

from pathlib import Path

from django.core.files import File
from django.http import QueryDict
from django.utils.text import slugify
from wagtailmedia.models import Media

from exercises import attempts
from exercises.models import ExercisePage

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
MEDIA = Path(__file__).resolve().parent / "media"
# (file, title, seconds): the instruction, then the dictation, read by "Mme Petit".
INSTRUCTION_RECORDING = ("consigne-dictee-a-deux.mp3", "la consigne", 7.3)
DICTATION_RECORDING = ("dictee-le-marche.mp3", "la dictée", 8.8)


class DemoPairDictation:
    def load_pair_dictation(self):
        classroom = self.classrooms[CLASS_KEY]
        if classroom.get_children().filter(slug=slugify(TITLE)).exists():
            return
        teacher = self.teacher_of(CLASS_KEY)
        instruction_audio = self.teacher_recording(classroom, teacher, *INSTRUCTION_RECORDING)
        dictation_audio = self.teacher_recording(classroom, teacher, *DICTATION_RECORDING)
        exercise = self.page(
            classroom,
            ExercisePage(
                title=TITLE,
                in_pairs=True,
                max_attempts=1,
                body=[
                    ("instruction", {"text": INSTRUCTION, "audio": instruction_audio}),
                    (
                        "dictation",
                        {
                            "prompt": "Écrivez la dictée.",
                            "audio": dictation_audio,
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

    def teacher_recording(self, classroom, teacher, name, what, seconds):
        """An audio Media of the class's collection, as the builder's recorder makes one."""
        media = Media(
            title=f"{TITLE} · {what}, enregistrée par Mme Petit",
            type="audio",
            duration=seconds,
            collection=classroom.collection,
            uploaded_by_user=teacher,
        )
        with open(MEDIA / name, "rb") as recording:
            media.file.save(name, File(recording), save=False)
        media.save()
        return media
