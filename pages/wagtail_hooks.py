"""The public sites' place in the Wagtail admin.

Wagtail imports this module itself. Editors see in the page chooser and the explorer
only the sites they work on (admin_scope.py), and a school without a review step offers
no "submit for moderation" (workflows.py). The dashboard and the editor's actions speak the
portal's words (admin_dashboard.py).
"""

from wagtail import hooks

from . import admin_dashboard, admin_scope, workflows

hooks.register("construct_page_chooser_queryset", admin_scope.limit_page_chooser)
hooks.register("construct_explorer_page_queryset", admin_scope.limit_explorer)
hooks.register("construct_page_action_menu", workflows.hide_submit_without_review)
hooks.register("construct_page_action_menu", admin_dashboard.unpublish_once)
hooks.register(
    "construct_homepage_summary_items", admin_dashboard.translate_media_summary, order=100
)
