from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExercisesConfig(AppConfig):
    name = "exercises"
    verbose_name = _("Exercises")

    def ready(self):
        from classrooms import activities

        from . import cached_attempts, cards

        activities.register(
            activities.Activity(
                "exercises.ExercisePage",
                icon="puzzle",
                prepare_cards=cards.prepare_cards,
                wall_annotations=cards.wall_annotations,
            )
        )
        cached_attempts.watch()
