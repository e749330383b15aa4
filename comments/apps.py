from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from classrooms import visibility, wall
        from notifications import kinds
        from performance import versions

        from . import admin_permissions, moderation, partners, rules, shared_comments
        from .notification_kinds import notification_kinds
        from .partnership_scopes import partnership_changed, partnership_models

        admin_permissions.register()
        moderation.register()
        # Members of a partner class read the blog of the class that invited them.
        visibility.register_guest_source(rules.partner_class_paths)
        # The wall's panel and partners' entries read the class's partnerships with the
        # rest of the class, in the wall's one query.
        wall.register_class_fact(partners.PARTNERSHIPS, partners.partnership_rows)
        versions.watch(partnership_changed, partnership_models)
        shared_comments.watch()
        for kind in notification_kinds():
            kinds.register(kind)
