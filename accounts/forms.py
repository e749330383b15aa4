"""The login form, with messages a child's parent understands."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
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
    too_long = _(
        "A username has at most %(limit_value)d characters. Check the login card and try again."
    )

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Username")
        # Django sets the field's max_length after building it, so nothing checks it:
        # a longer name would reach authentication and django-axes's 255-character column.
        self.fields["username"].validators.append(
            MaxLengthValidator(self.fields["username"].max_length, message=self.too_long)
        )
        self.fields["username"].widget.attrs.update(
            {"autocapitalize": "none", "autocorrect": "off", "spellcheck": "false"}
        )
        self.fields["password"].label = _("Password")
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password"}
        )
