"""The class spaces' place in the Wagtail admin and in Wagtail's serving.

Wagtail imports this module itself. Class documents are served to the people who may
see them (files.py); choosers, the reports menu and the action menu hide what a person
may not reach (admin_privacy.py, moderation.py). At login, a pupil or parent of one
class lands on it (spaces.py, the `preau_login_landing` hook of accounts/views.py).
"""

from wagtail import hooks

from . import admin_privacy, files, moderation, spaces

hooks.register("before_serve_document", files.check_document_access)
hooks.register("construct_page_chooser_queryset", admin_privacy.hide_invisible_classes)
hooks.register("construct_reports_menu", admin_privacy.hide_reports_menu)
hooks.register("construct_page_action_menu", moderation.hide_submit_for_approvers)
hooks.register("preau_login_landing", spaces.login_landing)
# Media choosers follow collection rights, which reach the class collections
# nested in a school's: teachers of a school choose its images, not the classes'.
for hook_name in (
    "construct_image_chooser_queryset",
    "construct_document_chooser_queryset",
    "construct_media_chooser_queryset",
):
    hooks.register(hook_name, admin_privacy.hide_invisible_class_media)
