from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeworkConfig(AppConfig):
    name = "homework"
    verbose_name = _("Homework diary")

    def ready(self):
        from classrooms import activities
        from notifications import kinds

        from . import cards, notices

        activities.register(
            activities.Activity(
                "homework.HomeworkDiaryPage",
                icon="calendar",
                card_template="homework/card.html",
                prepare_cards=cards.prepare_cards,
                new_url=cards.new_url,
                new_label=cards.NEW_LABEL,
            )
        )
        for kind in notices.notification_kinds():
            kinds.register(kind)
