from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClassroomsConfig(AppConfig):
    name = "classrooms"
    verbose_name = _("Class spaces")

    def ready(self):
        from wagtail import hooks

        from pages import file_scope as page_file_scope
        from performance import versions

        from . import (
            activities,
            admin_privacy,
            blog,
            class_versions,
            file_scope,
            files,
            moderation,
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
        versions.watch(person.people_changed, person.read_models)
        class_versions.watch()
        uploads.register()
        # What the class spaces give the notifications service (its kinds, the badge).
        notification_wiring.register()
        # Every page's admin form refuses another class's files (issue 15).
        page_file_scope.register_rule(file_scope.refused)
        hooks.register("before_serve_document", files.check_document_access)
        hooks.register("construct_page_chooser_queryset", admin_privacy.hide_invisible_classes)
        hooks.register("construct_reports_menu", admin_privacy.hide_reports_menu)
        hooks.register("construct_page_action_menu", moderation.hide_submit_for_approvers)
        # Media choosers follow collection rights, which reach the class collections
        # nested in a school's: teachers of a school choose its images, not the classes'.
        for hook_name in (
            "construct_image_chooser_queryset",
            "construct_document_chooser_queryset",
            "construct_media_chooser_queryset",
        ):
            hooks.register(hook_name, admin_privacy.hide_invisible_class_media)
