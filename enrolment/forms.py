"""Forms of the enrolment pages, with labels and errors a school's staff understands."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from classrooms.models import Level

from . import onde, services


class NameFields(forms.Form):
    """First name and last name, as on the school's register."""

    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )


class AdultForm(NameFields):
    """A teacher or a parent: an adult who logs in and may be reached by e-mail."""

    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_(
            "If someone already has a Préau account with this address, that account is used: "
            "no second account is created."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class TeacherForm(AdultForm):
    pass


class ParentForm(AdultForm):
    """A parent of a pupil: an existing account is never taken on its address alone."""

    def __init__(self, *args, can_direct=False, **kwargs):
        super().__init__(*args, **kwargs)
        if can_direct:
            help_text = _(
                "If someone already has a Préau account with this address, they are asked "
                "to confirm that they are this pupil’s parent: the link is made once they "
                "accept."
            )
        else:
            help_text = _(
                "If someone already has a Préau account with this address, this parent gets "
                "an account of their own: only the director can propose to link an existing "
                "account, and its holder must accept."
            )
        self.fields["email"].help_text = help_text


class PupilForm(NameFields):
    birth_date = forms.DateField(
        label=_("Birth date"),
        help_text=_("Used only to recognise the pupil when the ONDE file is imported again."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)
    photo_consent = forms.BooleanField(
        label=_("The family allows photos of the child (school and public)"),
        help_text=_(
            "Tick only with the family’s written agreement. The family then gives its "
            "other answers (voice, video, full name) from its space, or you record them "
            "from the class list."
        ),
        required=False,
    )

    def clean_birth_date(self):
        birth_date = self.cleaned_data["birth_date"]
        if birth_date > date.today():
            raise forms.ValidationError(_("This birth date is in the future."))
        return birth_date


class TeacherChoiceField(forms.ModelMultipleChoiceField):
    """Teachers by full name: the director chooses among colleagues, not initials."""

    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class ClassroomForm(forms.Form):
    """A class of the school for one school year, and its teachers."""

    title = forms.CharField(
        label=_("Name of the class"),
        max_length=255,
        help_text=_(
            "As in ONDE, for example “CP A” or “CE1-CE2”: the import finds the class by this name."
        ),
    )
    school_year = forms.ChoiceField(label=_("School year"))
    level = forms.ChoiceField(
        label=_("Level"),
        choices=Level.choices,
        help_text=_("For a class with two levels, choose the main one."),
    )
    teachers = TeacherChoiceField(
        label=_("Teachers of the class"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_teacher_first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    new_teacher_last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    new_teacher_email = forms.EmailField(label=_("E-mail address"), required=False)

    NEW_TEACHER_FIELDS = ("new_teacher_first_name", "new_teacher_last_name", "new_teacher_email")

    def __init__(self, *args, school, classroom=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.school = school
        self.classroom = classroom
        years = services.school_year_choices()
        if classroom is not None and classroom.school_year not in dict(years):
            years.insert(0, (classroom.school_year, classroom.school_year))
        self.fields["school_year"].choices = years
        self.fields["teachers"].queryset = services.school_teachers(school)
        if classroom is not None:
            # A class keeps its year: its pupils and its content belong to it.
            self.fields["school_year"].disabled = True

    @property
    def new_teacher_fields(self):
        return [self[name] for name in self.NEW_TEACHER_FIELDS]

    @property
    def main_fields(self):
        return [self["title"], self["school_year"], self["level"]]

    def clean(self):
        cleaned = super().clean()
        title, year = cleaned.get("title"), cleaned.get("school_year")
        if title and year:
            existing = services.find_classroom(self.school, year, title)
            if existing is not None and existing != self.classroom:
                self.add_error(
                    "title",
                    _("The school already has a class called “%(title)s” in %(year)s.")
                    % {"title": existing.title, "year": year},
                )
        given = [name for name in self.NEW_TEACHER_FIELDS if cleaned.get(name)]
        if given:
            for name in self.NEW_TEACHER_FIELDS:
                if name not in given and name not in self.errors:
                    self.add_error(
                        name, _("Fill in this field too to create the teacher’s account.")
                    )
        return cleaned

    def new_teacher(self):
        """(first name, last name, e-mail) of a teacher to add, or None."""
        values = [self.cleaned_data.get(name) for name in self.NEW_TEACHER_FIELDS]
        if not all(values):
            return None
        first, last, email = values
        return first.strip(), last.strip(), email.strip().lower()


class ImportForm(forms.Form):
    """The ONDE files of the school: pupils (required) and parents (optional)."""

    pupils_file = forms.FileField(
        label=_("Pupils file (CSV from ONDE)"),
        help_text=_(
            "Columns: Nom élève; Prénom élève; Date naissance; Niveau; Libellé classe; "
            "and, if you have it, Autorisation photo."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    parents_file = forms.FileField(
        label=_("Parents file (CSV from ONDE)"),
        help_text=_(
            "Columns: Nom responsable; Prénom responsable; Courriel; Nom élève; "
            "Prénom élève; Date naissance."
        ),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, classroom=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.classroom = classroom
        if classroom is None:
            self.fields["school_year"] = forms.ChoiceField(
                label=_("School year"),
                choices=services.school_year_choices(),
                help_text=_(
                    "Each class of the file goes to the class of the same name this "
                    "year; missing classes are created."
                ),
            )
        else:
            self.fields["class_label"] = forms.CharField(
                label=_("Name of this class in the file"),
                max_length=255,
                initial=classroom.title,
                help_text=_(
                    "The file lists the whole school: only the pupils whose “Libellé "
                    "classe” is this name are imported into this class."
                ),
            )

    def _read(self, name, reader):
        upload = self.cleaned_data.get(name)
        if not upload:
            return None, b""
        if upload.size > onde.MAX_FILE_SIZE:
            raise forms.ValidationError(onde.too_large_message())
        data = upload.read()
        try:
            return reader(data), data
        except onde.OndeError as error:
            raise forms.ValidationError(error.problems) from None

    def clean_pupils_file(self):
        self.pupils, self.pupils_data = self._read("pupils_file", onde.read_pupils)
        return self.cleaned_data["pupils_file"]

    def clean_parents_file(self):
        parents, self.parents_data = self._read("parents_file", onde.read_parents)
        self.parents = parents or []
        return self.cleaned_data.get("parents_file")
