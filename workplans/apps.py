from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplansConfig(AppConfig):
    name = "workplans"
    verbose_name = _("Work plans")

    def ready(self):
        from classrooms import activities

        from . import cards

        activities.register(
            activities.Activity(
                "workplans.WorkPlanPage",
                icon="check",
                card_template="workplans/card.html",
                prepare_cards=cards.prepare_cards,
                wall_annotations=cards.wall_annotations,
                new_url=cards.new_url,
                new_label=cards.NEW_LABEL,
            )
        )
