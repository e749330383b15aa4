from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    """A second factor (a code from an authenticator app, TOTP) for staff and portal
    administrators, on top of django-otp. A way in, like login cards and identity
    providers: beside them, above classrooms (whose staff rows say who is offered it)."""

    name = "twofactor"
    verbose_name = _("Second factor")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import pending

        user_logged_in.connect(pending.mark_session, dispatch_uid="twofactor_mark_session")
