"""The teacher's forms: a session with its items (a formset), and a copy from earlier.

Groups, pupils and linked pages are chosen among the class's own only: a forged id is a
validation error and nothing is saved. A form sent from a page opened before someone
else saved the session is refused (`version`), and what was typed stays in the form."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from classrooms.forms import PeopleField
from classrooms.models import PupilGroup, class_pupils

from .models import (
    ITEM_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Audience,
    HomeworkItem,
    Session,
)


class PageChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.title


def class_pages(classroom):
    """The live pages of the class that a session may link to (not the diary itself)."""
    from .models import HomeworkDiaryPage

    return (
        Page.objects.live()
        .descendant_of(classroom)
        .not_type(HomeworkDiaryPage)
        .order_by("-first_published_at")
    )


class SessionForm(forms.Form):
    date = forms.DateField(
        label=_("Day of class"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    text = forms.CharField(
        label=_("What we did in class"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Web addresses become links."),
    )
    links = PageChoiceField(
        label=_("Pages of the class to find again"),
        queryset=Page.objects.none(),
        required=False,
    )
    photo = forms.FileField(
        label=_("Add a photo"),
        required=False,
        help_text=_("Of the board or a worksheet (JPEG, PNG, HEIC): sent without its metadata."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    document = forms.FileField(
        label=_("Add a document"),
        required=False,
        help_text=_("PDF, OpenDocument, Office or text file."),
    )
    remove_files = forms.TypedMultipleChoiceField(
        label=_("Files to remove"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, classroom, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom
        self.fields["links"].queryset = class_pages(classroom)
        files = list(session.files.all()) if session else []
        self.fields["remove_files"].choices = [(f.pk, f.name) for f in files]
        if not files:
            del self.fields["remove_files"]


class ItemForm(forms.ModelForm):
    pupils = PeopleField(
        label=_("Chosen pupils"), queryset=get_user_model().objects.none(), required=False
    )

    class Meta:
        model = HomeworkItem
        fields = ["due_date", "text", "audience", "group", "pupils"]
        labels = {"due_date": _("Due on"), "text": _("What to do"), "audience": _("For")}
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 2, "maxlength": ITEM_MAX_LENGTH}),
            "audience": forms.RadioSelect,
        }

    def __init__(self, *args, classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = PupilGroup.objects.filter(classroom=classroom)
        self.fields["group"].empty_label = _("Choose a group")
        self.fields["pupils"].queryset = class_pupils(classroom)

    def clean(self):
        data = super().clean()
        audience = data.get("audience")
        if audience == Audience.GROUP and not data.get("group"):
            self.add_error("group", _("Choose the group this work is for."))
        if audience == Audience.PUPILS and not data.get("pupils"):
            self.add_error("pupils", _("Tick the pupils this work is for."))
        if audience != Audience.GROUP:
            data["group"] = None
        if audience != Audience.PUPILS:
            data["pupils"] = []
        return data


class BaseItemFormSet(forms.BaseInlineFormSet):
    """Django looks a posted item id up among every item of the portal and, when it is not
    one of this session's, quietly makes a new form of it: here it is an error instead,
    and nothing is saved."""

    def clean(self):
        super().clean()
        for form in self.initial_forms:
            if form.instance.pk is None:
                raise forms.ValidationError(
                    _("A homework item of this form is not in this session: reload the page."),
                    code="foreign_item",
                )


ItemFormSet = forms.inlineformset_factory(
    parent_model=Session,
    model=HomeworkItem,
    form=ItemForm,
    formset=BaseItemFormSet,
    extra=2,
    max_num=20,
    can_delete=True,
)


class CopyForm(forms.Form):
    """Which session, or which whole week, to copy from, and to which day."""

    source = forms.TypedChoiceField(label=_("From the class"), coerce=int)
    week = forms.DateField(
        label=_("A day of the week to copy"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    session = forms.IntegerField(
        label=_("Only one session"),
        required=False,
        widget=forms.HiddenInput,
    )
    target = forms.DateField(
        label=_("Day of class for the copy (the first day, for a week)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, classes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [(c.pk, f"{c.title} ({c.school_year})") for c in classes]
