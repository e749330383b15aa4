from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Public sites")

    def ready(self):
        from wagtail import hooks

        from . import admin_scope, permissions, signal_handlers, versions, workflows

        permissions.register()
        signal_handlers.register()
        versions.watch()
        hooks.register("construct_page_chooser_queryset", admin_scope.limit_page_chooser)
        hooks.register("construct_explorer_page_queryset", admin_scope.limit_explorer)
        hooks.register("construct_page_action_menu", workflows.hide_submit_without_review)
