from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClassroomsConfig(AppConfig):
    """Wires the class spaces; their Wagtail hooks are in wagtail_hooks.py."""

    name = "classrooms"
    verbose_name = _("Class spaces")

    def ready(self):
        from pages import file_scope as page_file_scope
        from performance import versions

        from . import (
            activities,
            blog,
            class_versions,
            consent_access,
            file_scope,
            notification_wiring,
            permissions,
            person,
            signal_handlers,
            uploads,
        )

        activities.register(
            activities.Activity(
                "classrooms.BlogEntryPage",
                icon="pencil",
                card_template="classrooms/cards/blog_entry.html",
                share_cards=blog.share_cards,
                prepare_cards=blog.prepare_cards,
                wall_annotations=blog.wall_annotations,
                to_review=blog.to_review,
                drafts=blog.drafts,
                new_url=blog.new_url,
            )
        )
        permissions.register()
        signal_handlers.register()
        # The families' answers (consents/): who answers for a child, and the take-down.
        consent_access.register()
        versions.watch(person.people_changed, person.read_models)
        class_versions.watch()
        uploads.register()
        # What the class spaces give the notifications service (its kinds, the badge).
        notification_wiring.register()
        # Every page's admin form refuses another class's files (issue 15).
        page_file_scope.register_rule(file_scope.refused)
        # The public site shows no child without the family's "yes" for the public.
        from .consent_pages import refused_on_public_pages

        page_file_scope.register_rule(refused_on_public_pages)
