from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExercisesConfig(AppConfig):
    name = "exercises"
    verbose_name = _("Exercises")

    def ready(self):
        from classrooms import activities
        from notifications import kinds
        from pages import file_scope as page_file_scope

        from . import cached_attempts, cards, notices
        from .builder import cards as builder_cards
        from .h5p import scope as h5p_scope

        activities.register(
            activities.Activity(
                "exercises.ExercisePage",
                icon="puzzle",
                prepare_cards=cards.prepare_cards,
                wall_annotations=cards.wall_annotations,
                new_url=builder_cards.new_url,
                new_label=builder_cards.NEW_LABEL,
                drafts=builder_cards.drafts,
            )
        )
        cached_attempts.watch()
        # Pupils are told of the exercises set for them.
        for kind in notices.notification_kinds():
            kinds.register(kind)
        notices.connect()
        # An exercise plays only its own class's H5P packages.
        page_file_scope.register_rule(h5p_scope.refused)
