"""A resource's files, served only after the permission check and under their derived
name: in the library to those who may read the resource, in a class (ClassResourcePage)
to those who may see the class. PDFs and pictures open inline (the preview); ?download
asks for an attachment."""

from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe

from classrooms.files import PRIVATE_CACHE, file_response
from classrooms.permissions import can_manage_classroom, can_view_classroom

from .access import resource_or_404
from .models import ClassResourcePage, ResourceFile

INLINE_TYPES = ("application/pdf", "image/", "audio/", "video/", "text/plain")
# The resource's page frames its PDF: the file may be framed by Préau's own pages only,
# and Chromium's PDF viewer is a plugin that `object-src 'none'` would refuse.
FRAMED_BY_PREAU = {"frame-ancestors": ["'self'"], "object-src": ["'self'"]}


def _serve(request, stored, name):
    if name != stored.name:
        raise Http404
    response = file_response(stored.file.name, request)
    response["Content-Type"] = stored.content_type
    response["Cache-Control"] = PRIVATE_CACHE
    response["X-Content-Type-Options"] = "nosniff"
    inline = stored.content_type.startswith(INLINE_TYPES) and "download" not in request.GET
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=not inline, filename=stored.name
    )
    return response


@login_required
@require_safe
@xframe_options_sameorigin
@csp_replace(FRAMED_BY_PREAU)
def resource_file(request, resource_id, file_id, name):
    resource = resource_or_404(request.user, resource_id)
    stored = get_object_or_404(
        ResourceFile.objects.select_related("resource"), pk=file_id, resource=resource
    )
    return _serve(request, stored, name)


@login_required
@require_safe
@xframe_options_sameorigin
@csp_replace(FRAMED_BY_PREAU)
def class_file(request, page_id, file_id, name):
    page = ClassResourcePage.objects.filter(pk=page_id).first()
    if page is None or not can_view_classroom(request.user, page.get_classroom()):
        raise Http404
    # Taken off the wall (unpublished): its file is the class's editors' only, as its page.
    if not page.live and not can_manage_classroom(request.user, page.get_classroom()):
        raise Http404
    stored = (
        ResourceFile.objects.filter(pk=file_id, resource_id=page.resource_id)
        .select_related("resource")
        .first()
    )
    if stored is None:
        raise Http404
    return _serve(request, stored, name)
