"""One server-rendered form per kind of item, each producing the block's own value.

A form's fields are the block's own form fields (labels, help texts, limits and
translations included), plus plain rows for its lists (the answers of a multiple
choice, the pairs of a matching, the items of an ordering). On submit the value is
built in the block's raw shape and checked by the block itself: `to_python`, then
`clean` (exercises/questions/ raises the teacher's mistakes there), then
`get_prep_value` gives what the StreamField stores. The block's errors are put back on
the fields they name, so the form is shown again with everything typed.

What the builder does not edit is kept as it was: a question's spoken question
(`audio_instruction`) and a multiple-choice answer's picture, chosen in the admin.
"""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from classrooms import uploads

from ..blocks import ExerciseBodyBlock

MAX_CHOICES = 6
MAX_PAIRS = 8
# Fields the forms never show: recordings chosen elsewhere, lists given as rows.
NOT_SHOWN = {"audio", "audio_instruction", "choices", "pairs", "items"}
# Kinds with a recording made in the browser (or a file), stored in the block's "audio".
RECORDED_KINDS = {"instruction", "dictation"}

KIND_LABELS = {
    "instruction": _("instruction"),
    "multiple_choice": _("multiple choice"),
    "fill_in_blanks": _("text with blanks"),
    "matching": _("matching"),
    "ordering": _("putting in order"),
    "short_answer": _("short answer"),
    "mental_drill": _("mental calculation"),
    "dictation": _("dictation"),
}


def body_block():
    return ExerciseBodyBlock()


def messages_of(error) -> list[str]:
    """Every message of a block's error, its children's included, once each."""
    found = []
    if isinstance(error, StructBlockValidationError | ListBlockValidationError):
        for child in error.non_block_errors or []:
            found += messages_of(child)
        block_errors = error.block_errors or {}
        values = block_errors.values() if isinstance(block_errors, dict) else block_errors
        for child in values:
            found += messages_of(child)
    elif isinstance(error, ValidationError):
        found += error.messages
    elif isinstance(error, list | tuple):
        for child in error:
            found += messages_of(child)
    elif error:
        found.append(str(error))
    return list(dict.fromkeys(found))


class ItemForm(forms.Form):
    """The fields of one kind of block; `value` is the block's stored (raw) value."""

    base_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, kind, value=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.block = body_block().child_blocks[kind]
        self.old = dict(value or {})
        for name, child in self.block.child_blocks.items():
            if name in NOT_SHOWN:
                continue
            field = copy.deepcopy(child.field)
            field.label = child.label
            if isinstance(field.widget, forms.Textarea | forms.TextInput) and (
                type(child).__name__ == "TextBlock"
            ):
                field.widget = forms.Textarea(attrs={"rows": 3})
            self.fields[name] = field
            if name in self.old:
                self.initial.setdefault(name, self.old[name])
            elif child.get_default() not in (None, ""):
                self.initial.setdefault(name, child.get_default())
        if kind in RECORDED_KINDS:
            self.fields["recording"] = forms.FileField(
                label=_("Spoken instruction") if kind == "instruction" else _("The dictation"),
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": "audio/*"}),
            )
            if self.old.get("audio") and kind == "instruction":
                self.fields["remove_audio"] = forms.BooleanField(
                    label=_("Remove the recording"), required=False
                )
        self.add_list_fields()

    # Lists, as rows: each kind with a list says how.
    def add_list_fields(self):
        pass

    def list_values(self, cleaned) -> dict:
        return {}

    list_error_field = None  # the field a list's errors are shown on

    def clean_recording(self):
        recording = self.cleaned_data.get("recording")
        return uploads.clean_recording(recording, "audio") if recording else None

    def raw_value(self, cleaned) -> dict:
        raw = {
            name: cleaned.get(name)
            for name in self.block.child_blocks
            if name not in NOT_SHOWN and name in self.fields
        }
        for name in ("audio", "audio_instruction"):
            if name in self.block.child_blocks:
                raw[name] = self.old.get(name)
        if cleaned.get("remove_audio"):
            raw["audio"] = None
        raw.update(self.list_values(cleaned))
        return raw

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        raw = self.raw_value(cleaned)
        new_recording = cleaned.get("recording") is not None
        value = self.block.to_python(raw)
        try:
            value = self.block.clean(value)
        except StructBlockValidationError as error:
            for name, child_error in (error.block_errors or {}).items():
                if name == "audio" and new_recording:
                    continue  # the recording sent now goes in it once stored
                target = self._field_for(name)
                for message in messages_of(child_error):
                    self.add_error(target, message)
            for message in messages_of(list(error.non_block_errors or [])):
                self.add_error(None, message)
        except ValidationError as error:
            for message in messages_of(error):
                self.add_error(None, message)
        if not self.errors:
            self.raw = raw
        return cleaned

    def _field_for(self, name):
        if name == "audio":
            return "recording" if "recording" in self.fields else None
        if name in self.fields:
            return name
        return self.list_error_field

    def block_value(self, audio_id=None):
        """The value to store, in the StreamField's raw shape; `audio_id` is the
        recording stored for this save (if any)."""
        raw = dict(self.raw)
        if audio_id is not None:
            raw["audio"] = audio_id
        return self.block.get_prep_value(self.block.to_python(raw))

    def list_rows(self):
        """(field of the text, field of the tick or of the match) per row, for templates."""
        return []


class MultipleChoiceForm(ItemForm):
    list_error_field = "choice_1"

    def add_list_fields(self):
        old = [_list_item(choice) for choice in self.old.get("choices") or []]
        for number in range(1, MAX_CHOICES + 1):
            choice = old[number - 1] if number <= len(old) else {}
            self.fields[f"choice_{number}"] = forms.CharField(
                label=_("Answer %(number)s") % {"number": number},
                max_length=200,
                required=False,
                initial=choice.get("text", ""),
            )
            self.fields[f"correct_{number}"] = forms.BooleanField(
                label=_("Right answer"), required=False, initial=bool(choice.get("correct"))
            )
        self.old_choices = old

    def list_values(self, cleaned):
        choices = []
        for number in range(1, MAX_CHOICES + 1):
            old = self.old_choices[number - 1] if number <= len(self.old_choices) else {}
            text = (cleaned.get(f"choice_{number}") or "").strip()
            if not text and not old.get("image"):
                continue
            choices.append(
                {
                    "text": text,
                    "image": old.get("image"),
                    "alt_text": old.get("alt_text", ""),
                    "correct": bool(cleaned.get(f"correct_{number}")),
                }
            )
        return {"choices": choices}

    def list_rows(self):
        return [
            (self[f"choice_{number}"], self[f"correct_{number}"])
            for number in range(1, MAX_CHOICES + 1)
        ]


class MatchingForm(ItemForm):
    list_error_field = "left_1"

    def add_list_fields(self):
        old = [_list_item(pair) for pair in self.old.get("pairs") or []]
        for number in range(1, MAX_PAIRS + 1):
            pair = old[number - 1] if number <= len(old) else {}
            self.fields[f"left_{number}"] = forms.CharField(
                label=_("Item %(number)s") % {"number": number},
                max_length=200,
                required=False,
                initial=pair.get("left", ""),
            )
            self.fields[f"right_{number}"] = forms.CharField(
                label=_("Its match"), max_length=200, required=False, initial=pair.get("right", "")
            )

    def list_values(self, cleaned):
        pairs = []
        for number in range(1, MAX_PAIRS + 1):
            left = (cleaned.get(f"left_{number}") or "").strip()
            right = (cleaned.get(f"right_{number}") or "").strip()
            if left or right:
                pairs.append({"left": left, "right": right})
        return {"pairs": pairs}

    def list_rows(self):
        return [
            (self[f"left_{number}"], self[f"right_{number}"]) for number in range(1, MAX_PAIRS + 1)
        ]


class OrderingForm(ItemForm):
    list_error_field = "items"

    def add_list_fields(self):
        old = [_list_item(item) for item in self.old.get("items") or []]
        self.fields["items"] = forms.CharField(
            label=_("Items in the right order"),
            help_text=_("One per line, in the right order; pupils see them mixed up."),
            widget=forms.Textarea(attrs={"rows": 6}),
            initial="\n".join(str(item) for item in old),
        )

    def list_values(self, cleaned):
        lines = (cleaned.get("items") or "").splitlines()
        return {"items": [line.strip() for line in lines if line.strip()]}


def _list_item(item):
    """A ListBlock's stored child: {"type": "item", "value": ..., "id": ...} or the value."""
    if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
        return item["value"]
    return item


FORMS = {
    "multiple_choice": MultipleChoiceForm,
    "matching": MatchingForm,
    "ordering": OrderingForm,
}


def form_for(kind, *args, **kwargs) -> ItemForm:
    return FORMS.get(kind, ItemForm)(*args, kind=kind, **kwargs)
