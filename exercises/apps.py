from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExercisesConfig(AppConfig):
    name = "exercises"
    verbose_name = _("Exercises")

    def ready(self):
        from classrooms import activities

        from . import cards, kept

        activities.register(
            activities.Activity(
                "classrooms.ExercisePage",
                icon="puzzle",
                prepare_cards=cards.prepare_cards,
                wall_annotations=cards.wall_annotations,
            )
        )
        kept.watch()
