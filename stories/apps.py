from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories in turn")

    def ready(self):
        from notifications import kinds
        from sharedspaces import activities

        from . import notices

        activities.register(
            activities.SpaceActivity(
                key="story",
                label=_("Story in turn"),
                description=_(
                    "The classes write a story together: each class writes a chapter in "
                    "turn, in the order of the classes."
                ),
                icon="pencil",
                home_url=lambda space: reverse("stories:home", kwargs={"space_id": space.pk}),
                ordered=True,
            )
        )
        for kind in notices.notification_kinds():
            kinds.register(kind)
