from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Reading clubs")

    def ready(self):
        from django.urls import reverse

        from notifications import kinds
        from sharedspaces import activities

        from . import notices

        activities.register(
            activities.SpaceActivity(
                key="reading_club",
                label=_("Reading club"),
                description=_(
                    "A forum where the pupils of the classes talk about the books they "
                    "read: a topic per book or question, replies written, recorded or "
                    "drawn, each waiting for the pupil's own teacher."
                ),
                icon="comment",
                home_url=lambda space: reverse("forum:home", kwargs={"space_id": space.pk}),
            )
        )
        for kind in notices.notification_kinds():
            kinds.register(kind)
