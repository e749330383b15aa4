"""Keeping class spaces out of the parts of the Wagtail admin that list the whole portal.

Teachers, directors and municipal agents use the admin for their own class or site; the
admin's page chooser and reports would otherwise show them the titles of other classes'
pages (pupils' drafts included), and its media choosers the photos of other classes.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from wagtail.models import Collection, Page

from accounts.people import is_active_person
from pages.admin_scope import scope_filter

from . import activities
from .models import ClassroomPage
from .permissions import visible_classroom_ids


def class_page_content_types():
    models = [ClassroomPage, *activities.page_models()]
    return [ContentType.objects.get_for_model(model).pk for model in models]


def hide_invisible_classes(pages, request):
    """construct_page_chooser_queryset hook: only the class pages the person may see."""
    user = request.user
    if user.is_superuser:
        return pages
    allowed = ~Q(content_type_id__in=class_page_content_types())
    visible_paths = ClassroomPage.objects.filter(pk__in=visible_classroom_ids(user)).values_list(
        "path", flat=True
    )
    for path in visible_paths:
        allowed |= Q(path__startswith=path)
    return pages.filter(allowed)


def hide_invisible_class_media(objects, request):
    """construct_{image,document,media}_chooser_queryset hook: no other class's files.

    Wagtail's collection permissions reach every collection nested below the one they
    are granted on, and class collections sit inside their school's: the teachers of a
    school, who may choose images of the school's collection to illustrate its news,
    would otherwise be offered the photos of every class of the school.
    """
    user = request.user
    if user.is_superuser:
        return objects
    hidden = hidden_class_collection_ids(user)
    # A plain list of ids: choosers also search, and search backends filter on fields only.
    return objects.exclude(collection_id__in=hidden) if hidden else objects


def hidden_class_collection_ids(user) -> list[int]:
    """Collections of classes the person may not see, among those their rights reach."""
    granted = set(
        Collection.objects.filter(group_permissions__group__user=user).values_list(
            "path", flat=True
        )
    )
    if not granted:
        return []
    below_granted = Q(pk__in=[])
    for path in granted:
        below_granted |= Q(collection__path__startswith=path)
    hidden_paths = (
        ClassroomPage.objects.exclude(pk__in=visible_classroom_ids(user))
        .filter(below_granted)
        .values_list("collection__path", flat=True)
    )
    below_hidden = Q(pk__in=[])
    for path in hidden_paths:
        below_hidden |= Q(path__startswith=path)
    return list(Collection.objects.filter(below_hidden).values_list("pk", flat=True))


class AdminPrivacyMiddleware:
    """Two admin rules Wagtail has no hook for, enforced before its views run.

    - The admin's reports list pages across the portal: portal administrators only.
    - A page of another school, town or class answers 404, like on the front end (DESIGN.md:
      no existence leak), at every admin address naming it: explorer, edit, preview,
      history, page chooser... Wagtail itself refuses such a page with a redirect to the
      admin's home before any `before_edit_page` hook runs, and its page chooser shows the
      page it browses whatever the chooser hooks say. People without admin access are
      left to Wagtail, which sends them to its login.
    """

    reports_prefix = "/admin/reports/"
    page_address = re.compile(r"^/admin/(?:pages|choose-page)/(?:add/\w+/\w+/)?(\d+)/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(self.reports_prefix) and not request.user.is_superuser:
            raise Http404
        match = self.page_address.match(request.path)
        if match and is_outside_admin_scope(request, int(match[1])):
            raise Http404
        return self.get_response(request)


def is_outside_admin_scope(request, page_id) -> bool:
    """Whether an admin user is asking for a page outside their sites and visible classes."""
    user = request.user
    if not is_active_person(user) or user.is_superuser:
        return False
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    page = Page.objects.filter(pk=page_id)
    if not page.exists():
        return False  # Wagtail's own 404
    return not hide_invisible_classes(page.filter(scope_filter(user)), request).exists()


def hide_reports_menu(request, menu_items):
    """construct_reports_menu hook: no reports menu for anyone but portal administrators."""
    if not request.user.is_superuser:
        menu_items[:] = []
