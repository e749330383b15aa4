from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Response headers that protect every page: what a page may run, use and keep.

    Content-Security-Policy (content_policy.py), Permissions-Policy (permissions_policy.py)
    and Cache-Control on answers to logged-in people (private_answers.py); all middleware,
    configured in settings (README "Configuration").
    """

    name = "security"
    verbose_name = _("Security")
