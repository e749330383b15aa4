"""Pedagogical advisers in the Wagtail admin (portal administrators only): a person is
attached to the schools of their circonscription, one row per school. The person is named
by username: a select of every account would list a whole académie."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Adviser


class AdviserForm(WagtailAdminModelForm):
    username = forms.CharField(label=_("Username of the adviser"), max_length=150)

    class Meta:
        model = Adviser
        fields = ["school", "circonscription"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["username"].initial = self.instance.user.username
        self.order_fields(["username", "school", "circonscription"])

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("No active account has the username “%(username)s”."),
                code="unknown_user",
                params={"username": username},
            )
        return user

    def clean(self):
        data = super().clean()
        user, school = data.get("username"), data.get("school")
        if user and school:
            taken = Adviser.objects.filter(user=user, school=school).exclude(pk=self.instance.pk)
            if taken.exists():
                raise forms.ValidationError(
                    _("This person is already an adviser of this school."), code="taken"
                )
        return data

    def save(self, commit=True):
        self.instance.user = self.cleaned_data["username"]
        return super().save(commit=commit)


class AdviserViewSet(ModelViewSet):
    model = Adviser
    icon = "group"
    menu_label = _("Pedagogical advisers")
    add_to_settings_menu = True
    list_display = ["user", "school", "circonscription"]
    search_fields = ["user__username", "user__last_name", "circonscription"]
    # Only those with the model's permissions (the portal administrators) see it.
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return AdviserForm
