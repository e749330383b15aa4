"""Keeping class spaces out of the parts of the Wagtail admin that list the whole portal.

Teachers, directors and municipal agents use the admin for their own class or site; the
admin's page chooser and reports would otherwise show them the titles of other classes'
pages (pupils' drafts included).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404

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


class AdminReportsForPortalAdminsMiddleware:
    """The admin's reports list pages across the portal: portal administrators only."""

    prefix = "/admin/reports/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(self.prefix) and not request.user.is_superuser:
            raise Http404
        return self.get_response(request)


def hide_reports_menu(request, menu_items):
    """construct_reports_menu hook: no reports menu for anyone but portal administrators."""
    if not request.user.is_superuser:
        menu_items[:] = []
