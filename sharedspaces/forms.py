"""Creating a shared space: its title, what it holds, whether parents read it, and the
class of the teacher's that starts in it (none for a pedagogical adviser)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import activities
from .models import SharedSpace


class SpaceForm(forms.ModelForm):
    """`classes` are the creator's own classes (id, title); the chosen one is a member at once."""

    host = forms.TypedChoiceField(
        label=_("Your class in it"), coerce=int, required=False, empty_value=None
    )

    class Meta:
        model = SharedSpace
        fields = ["activity", "title", "description", "parents_read"]
        widgets = {
            "activity": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, classes=(), host_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"] = forms.ChoiceField(
            label=_("What the classes will do together"),
            choices=activities.choices(),
            widget=forms.RadioSelect,
        )
        self.fields["host"].choices = [("", "—")] + list(classes)
        self.fields["host"].required = host_required
        if len(classes) == 1:
            self.fields["host"].initial = classes[0][0]
