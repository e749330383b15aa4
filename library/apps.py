from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Resource library")

    def ready(self):
        from classrooms import activities

        # A document, recording, image set or link used in a class: its card on the wall.
        activities.register(activities.Activity("library.ClassResourcePage", icon="paperclip"))
