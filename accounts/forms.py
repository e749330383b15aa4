"""The login form, with messages a child's parent understands."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's authentication form with plainer words and touch-friendly fields."""

    error_messages = {
        "invalid_login": _(
            "This username and password do not match. Check the login card and try again; "
            "the password is case-sensitive."
        ),
        "inactive": _("This account is switched off. Ask your teacher or the school."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["username"].widget.attrs.update(
            {"autocapitalize": "none", "autocorrect": "off", "spellcheck": "false"}
        )
        self.fields["password"].label = _("Password")
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password"}
        )
