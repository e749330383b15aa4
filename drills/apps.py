from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DrillsConfig(AppConfig):
    name = "drills"
    verbose_name = _("Levelled drills")

    def ready(self):
        from classrooms import activities

        from . import cards

        activities.register(
            activities.Activity(
                "drills.DrillPage",
                icon="flag",
                card_template="drills/card.html",
                prepare_cards=cards.prepare_cards,
                new_url=cards.new_url,
                new_label=cards.NEW_LABEL,
            )
        )
