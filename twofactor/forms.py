"""The one field every step asks for: a code."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six digits your authentication application shows now."),
        error_messages={"required": _("Type the code your application shows.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )


class LoginCodeForm(CodeForm):
    """At login a recovery code works too (when the phone is lost)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = _(
            "The six digits your authentication application shows now, or one of your "
            "recovery codes."
        )
