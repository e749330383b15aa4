"""The teacher's form for a drill in the front end: its words, its rules and its levels.

The levels are a formset: three are offered filled in for a new drill (adding up to 10,
up to 20, then taking away), blank rows are left out, and a wrong row keeps everything
typed with a message beside it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from exercises.questions.shared import MAX_DRILL_OPERATIONS, MAX_OPERAND

from .models import Operation

MAX_LEVELS = 10
BLANK_ROWS = 2


def default_levels():
    """The three levels a new drill starts with, for the teacher to adjust."""
    return [
        {
            "name": _("Level 1: adding up to 10"),
            "operation": Operation.ADD,
            "minimum": 0,
            "maximum": 5,
            "operations": 10,
        },
        {
            "name": _("Level 2: adding up to 20"),
            "operation": Operation.ADD,
            "minimum": 2,
            "maximum": 10,
            "operations": 10,
        },
        {
            "name": _("Level 3: taking away up to 20"),
            "operation": Operation.SUBTRACT,
            "minimum": 0,
            "maximum": 20,
            "operations": 10,
            "seconds": 120,
        },
    ]


class DrillForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    intro = forms.CharField(
        label=_("Instructions"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the pupils read before starting a round."),
    )
    move_up_percent = forms.IntegerField(
        label=_("Move up after a round with at least (%)"), min_value=1, max_value=100, initial=80
    )
    move_down_percent = forms.IntegerField(
        label=_("A round is a failure below (%)"), min_value=0, max_value=100, initial=50
    )
    move_down_after = forms.IntegerField(
        label=_("Move down after this many failures in a row"),
        min_value=1,
        max_value=20,
        initial=3,
    )

    def clean(self):
        data = super().clean()
        up, down = data.get("move_up_percent"), data.get("move_down_percent")
        if up is not None and down is not None and down >= up:
            self.add_error(
                "move_down_percent",
                _("The failure rate must be lower than the rate for moving up."),
            )
        return data


class LevelForm(forms.Form):
    name = forms.CharField(label=_("Name of the level"), max_length=120)
    operation = forms.ChoiceField(
        label=_("Operation"), choices=Operation.choices, initial=Operation.ADD
    )
    minimum = forms.IntegerField(label=_("Smallest number"), min_value=0, max_value=MAX_OPERAND)
    maximum = forms.IntegerField(label=_("Largest number"), min_value=0, max_value=MAX_OPERAND)
    operations = forms.IntegerField(
        label=_("Operations per round"), min_value=1, max_value=MAX_DRILL_OPERATIONS, initial=10
    )
    seconds = forms.IntegerField(
        label=_("Seconds per round"),
        required=False,
        min_value=5,
        max_value=1800,
        help_text=_("Leave empty for no time limit."),
    )

    def clean(self):
        data = super().clean()
        low, high = data.get("minimum"), data.get("maximum")
        if low is not None and high is not None and low > high:
            self.add_error(
                "maximum", _("The largest number must not be smaller than the smallest one.")
            )
        return data


class BaseLevelFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not self.levels():
            raise forms.ValidationError(_("A drill needs at least one level."))

    def levels(self) -> list[dict]:
        """The levels kept, in order: filled in and not ticked for removal."""
        return [
            {key: value for key, value in form.cleaned_data.items() if key != "DELETE"}
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


LevelFormSet = forms.formset_factory(
    LevelForm,
    formset=BaseLevelFormSet,
    extra=BLANK_ROWS,
    max_num=MAX_LEVELS,
    validate_max=True,
    can_delete=True,
)


def level_formset(data=None, levels=None):
    """The levels' formset: those given (a drill's, or the defaults) and blank rows."""
    initial = [
        {key: value for key, value in level.items() if key != "seconds" or value}
        for level in (levels if levels is not None else default_levels())
    ]
    return LevelFormSet(data, initial=initial, prefix="levels")
