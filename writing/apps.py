from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WritingConfig(AppConfig):
    name = "writing"
    verbose_name = _("Writing workshop")

    def ready(self):
        from classrooms import activities
        from notifications import kinds

        from . import cached_texts, cards, notices

        activities.register(
            activities.Activity(
                "writing.WritingAssignmentPage",
                icon="page",
                prepare_cards=cards.prepare_cards,
                wall_annotations=cards.wall_annotations,
                to_review=cards.to_review,
                drafts=cards.drafts,
                new_url=cards.new_url,
                new_label=_("Set a writing assignment"),
            )
        )
        cached_texts.watch()
        for kind in notices.notification_kinds():
            kinds.register(kind)
