"""The second factor plugs into the login views and "my spaces" through hooks."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import devices, pending
from .people import is_offered


@hooks.register("preau_password_login")
def hold_for_code(request, user, next_url):
    """A password was right; a person whose second factor is on types their code first."""
    if devices.is_enabled(user):
        return pending.hold(request, user, next_url)
    return None


@hooks.register("preau_my_spaces_links")
def my_spaces_link(user, request):
    if is_offered(user):
        return [(reverse("twofactor:manage"), _("Second factor"), "lock")]
    return []
