from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClassroomsConfig(AppConfig):
    name = "classrooms"
    verbose_name = _("Class spaces")

    def ready(self):
        from . import activities

        activities.register(activities.Activity("classrooms.BlogEntryPage", icon="pencil"))
        activities.register(activities.Activity("classrooms.ExercisePage", icon="puzzle"))
