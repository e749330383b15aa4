"""The form parents (or staff, for a paper answer) fill: yes or no for each medium and
audience, in plain words, with the child's name."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pages import french

from .models import Audience, Medium, field_name

YES, NO = "yes", "no"

# What each answer is about, with the child's first name (plain words for adults).
MEDIUM_LABELS = {
    Medium.PHOTO: gettext_lazy("Photos in which %(name)s can be recognised"),
    Medium.VOICE: gettext_lazy("Recordings of the voice of %(name)s"),
    Medium.VIDEO: gettext_lazy("Videos in which %(name)s can be seen or heard"),
    Medium.FULL_NAME: gettext_lazy("The full name of %(name)s (first name and last name)"),
}
AUDIENCE_LABELS = {
    Audience.SCHOOL: gettext_lazy(
        "Shared with the school community (pupils, families and staff of the school)"
    ),
    Audience.PUBLIC: gettext_lazy("Published for the public (anyone, on the internet)"),
}


class ConsentForm(forms.Form):
    """Eight yes/no questions, grouped by medium (form.groups for the template)."""

    def __init__(self, *args, first_name, consent, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = []
        for medium in Medium.values:
            names = []
            for audience in Audience.values:
                name = field_name(medium, audience)
                self.fields[name] = forms.ChoiceField(
                    label=AUDIENCE_LABELS[audience],
                    choices=[(YES, _("Yes, I agree")), (NO, _("No, I do not agree"))],
                    widget=forms.RadioSelect,
                    initial=YES if consent.answer(medium, audience) else NO,
                )
                names.append(name)
            legend = french.fill(MEDIUM_LABELS[medium], name=first_name)
            self.groups.append((legend, [self[name] for name in names]))

    def answers(self) -> dict[str, bool]:
        return {name: value == YES for name, value in self.cleaned_data.items()}
