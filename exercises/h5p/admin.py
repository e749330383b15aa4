"""H5P activities in the Wagtail admin: the portal administrator uploads them for a class,
whose teachers list, choose and delete them.

A package's libraries are scripts that run in pupils' pages on Préau's own address (see
__init__.py): a teacher uploading one could run any script in her pupils' sessions.
Until packages are served from a separate address without Préau's cookies, only the
portal administrator (a superuser), who vets a package, adds or replaces (uploads) one;
teachers ask the administrator to add a package for their class.

Snippets' permissions are model-wide in Wagtail; here a policy says instead that a person
acts on the packages of the classes they teach (superusers on all), so that a teacher's
chooser and list never show another class's activities. Registered in wagtail_hooks.py.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    SnippetViewSet,
    UsageView,
)

from classrooms.models import ClassroomPage
from classrooms.moderation import taught_classroom_paths, teaches_class_of

from .package import H5PPackage

ACTIONS = frozenset({"add", "change", "delete", "view", "choose"})
# Adding or changing a package uploads scripts: the portal administrator's alone.
UPLOADING = frozenset({"add", "change"})
TEACHERS_ACTIONS = ACTIONS - UPLOADING


def taught_classrooms(user):
    if user.is_superuser:
        return ClassroomPage.objects.all()
    paths = taught_classroom_paths(user)
    return ClassroomPage.objects.filter(path__in=paths) if paths else ClassroomPage.objects.none()


def packages_for(user):
    return H5PPackage.objects.filter(classroom__in=taught_classrooms(user)).select_related(
        "classroom"
    )


class PackagePolicy(BasePermissionPolicy):
    """Superusers act on every package; teachers list, choose and delete their classes'
    packages, but never upload one."""

    def user_has_permission(self, user, action):
        if user.is_active and user.is_superuser:
            return action in ACTIONS
        return action in TEACHERS_ACTIONS and bool(taught_classroom_paths(user))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def user_has_permission_for_instance(self, user, action, instance):
        if user.is_active and user.is_superuser:
            return action in ACTIONS
        return action in TEACHERS_ACTIONS and teaches_class_of(user, instance.classroom)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        wanted = set(actions) & (ACTIONS if user.is_superuser else TEACHERS_ACTIONS)
        if not wanted:
            return H5PPackage.objects.none()
        return packages_for(user)

    def users_with_any_permission_for_instance(self, actions, instance):
        return self.users_with_any_permission(actions)


class PackageForm(WagtailAdminModelForm):
    """Only the teacher's classes are offered; the upload is checked before it is kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            self.fields["classroom"].queryset = taught_classrooms(self.for_user)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Left empty: the title written in the package.")

    def save(self, commit=True):
        if self.instance.pk is None and self.for_user is not None:
            self.instance.uploaded_by = self.for_user
        return super().save(commit=commit)


class _OwnPackages:
    def get_object_list(self):
        return packages_for(self.request.user)


class PackageChooseView(_OwnPackages, ChooseView):
    pass


class PackageChooseResultsView(_OwnPackages, ChooseResultsView):
    pass


class PackageChooserViewSet(SnippetChooserViewSet):
    choose_view_class = PackageChooseView
    choose_results_view_class = PackageChooseResultsView


class _OwnPackage:
    """Wagtail's edit, delete, usage and history views check model-wide rights only: a
    package of a class one does not teach is not found."""

    def get_object(self, *args, **kwargs):
        package = super().get_object(*args, **kwargs)
        if not PackagePolicy(H5PPackage).user_has_any_permission_for_instance(
            self.request.user, TEACHERS_ACTIONS, package
        ):
            raise Http404
        return package


class PackageEditView(_OwnPackage, EditView):
    pass


class PackageDeleteView(_OwnPackage, DeleteView):
    pass


class PackageUsageView(_OwnPackage, UsageView):
    pass


class PackageHistoryView(_OwnPackage, HistoryView):
    pass


class PackageViewSet(SnippetViewSet):
    model = H5PPackage
    icon = "media"
    menu_label = _("H5P activities")
    menu_order = 250
    add_to_admin_menu = True
    chooser_viewset_class = PackageChooserViewSet
    edit_view_class = PackageEditView
    delete_view_class = PackageDeleteView
    usage_view_class = PackageUsageView
    history_view_class = PackageHistoryView
    list_display = ["title", "classroom", "main_library", "uploaded_at"]
    search_fields = None
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("classroom"), FieldPanel("file")],
        base_form_class=PackageForm,
    )

    def get_queryset(self, request):
        return packages_for(request.user)
