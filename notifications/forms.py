"""The preferences form: one row per group of kinds, the bell and, for adults with an
address, how e-mails reach them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EmailChoice


class GroupPreferenceForm(forms.Form):
    in_app = forms.BooleanField(label=_("In the bell"), required=False)
    email = forms.ChoiceField(label=_("By e-mail"), choices=EmailChoice.choices)

    def __init__(self, *args, group, with_email, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        if not with_email:
            del self.fields["email"]
