"""The comment form that guides children: three sentences to begin, at least one."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from submissions.once import OnceField

from .models import PROMPT_MAX_LENGTH


def prompt_field(label, placeholder):
    return forms.CharField(
        label=label,
        required=False,
        max_length=PROMPT_MAX_LENGTH,
        widget=forms.Textarea(
            attrs={"rows": 2, "maxlength": PROMPT_MAX_LENGTH, "placeholder": placeholder}
        ),
        error_messages={
            "max_length": _(
                "This sentence is too long (%(show_value)d characters): %(limit_value)d at most."
            )
        },
    )


class ConstructiveCommentForm(forms.Form):
    liked = prompt_field(_("I liked…"), _("what you enjoyed reading, seeing or hearing"))
    suggestion = prompt_field(_("I suggest…"), _("an idea to make it even better"))
    wondering = prompt_field(_("I wonder…"), _("a question you would like to ask"))

    def __init__(self, *args, is_pupil=True, **kwargs):
        """`is_pupil`: the person writing is a pupil of the class ("tu"), or an adult
        ("vous"): the hints speak to them accordingly."""
        super().__init__(*args, **kwargs)
        if is_pupil:
            hints = {
                "liked": pgettext_lazy("pupil", "what you enjoyed reading, seeing or hearing"),
                "wondering": pgettext_lazy("pupil", "a question you would like to ask"),
            }
        else:
            hints = {
                "liked": pgettext_lazy("adult", "what you enjoyed reading, seeing or hearing"),
                "wondering": pgettext_lazy("adult", "a question you would like to ask"),
            }
        for name, hint in hints.items():
            self.fields[name].widget.attrs["placeholder"] = hint

    def clean(self):
        data = super().clean()
        if not any(
            (data.get(field) or "").strip() for field in ("liked", "suggestion", "wondering")
        ):
            raise forms.ValidationError(
                _("Fill in at least one of the three sentences."), code="empty"
            )
        return data


class CommentForm(ConstructiveCommentForm):
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # A double click posts one comment (submissions/once.py).
    once = OnceField()


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why (the author reads it)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
