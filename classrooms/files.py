"""Serving uploaded files so that a class's photos, recordings and documents stay private.

Every file under MEDIA_URL goes through `serve_media`: it finds which image, rendition,
document, audio or video the path belongs to, and that object's collection. A file in a class's
collection (or below it) is served only to people who may see the class, or read an
entry of that very class shared beyond it, whatever other page shows the file; anonymous
visitors are sent to log in, everyone else gets 404. Files nobody owns are not served.
Wagtail's document view asks the same question through `check_document_access`.
"""

import mimetypes
import posixpath

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.utils._os import safe_join
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtailmedia import get_media_model

from . import consent
from .models import ClassroomPage
from .permissions import can_view_classroom

# Public files may be cached by browsers and proxies; class files by nobody: a shared
# tablet's browser would show a child's photo again after logging out.
PUBLIC_CACHE = "public, max-age=86400"
PRIVATE_CACHE = "private, no-store"


def classroom_of_collection(collection_id):
    """The class space whose collection holds this one (directly or above it), if any."""
    if collection_id is None:
        return None
    path = Collection.objects.filter(pk=collection_id).values_list("path", flat=True).first()
    if path is None:
        return None
    steplen = Collection.steplen
    ancestors = [path[:end] for end in range(steplen, len(path) + 1, steplen)]
    return ClassroomPage.objects.filter(collection__path__in=ancestors).first()


def owner_of(name):
    """The image, document or media stored under this name (a rendition's image).

    Returns (model, pk, collection_id), or None: files that belong to nothing are not
    served.
    """
    image_model = get_image_model()
    media_model = get_media_model()
    lookups = (
        ("original_images/", image_model, image_model.objects.filter(file=name), "pk"),
        (
            "images/",
            image_model,
            image_model.get_rendition_model().objects.filter(file=name),
            "image_id",
        ),
        ("documents/", get_document_model(), get_document_model().objects.filter(file=name), "pk"),
        ("media/", media_model, media_model.objects.filter(file=name), "pk"),
        ("media_thumbnails/", media_model, media_model.objects.filter(thumbnail=name), "pk"),
    )
    for prefix, model, queryset, key in lookups:
        if name.startswith(prefix):
            collection = "image__collection_id" if key == "image_id" else "collection_id"
            found = queryset.values_list(key, collection)[:1]
            return (model, *found[0]) if found else None
    return None


def shared_beyond_class(request, model, pk, classroom) -> bool:
    """Whether the file shows in a published entry of its own class this person may read.

    A class's photo or recording stays private unless a staff member shared an entry
    of that class showing it with the school or made it public, or the class invited
    partner classes (visibility.py); Wagtail's reference index says which pages use the
    file. Only the entries of the class the file belongs to count: a page elsewhere that
    references it (another class's entry where someone typed its id, a school's public
    page) shares nothing, whoever may read that page.
    """
    from wagtail.models import ReferenceIndex

    from .models import BlogEntryPage
    from .visibility import can_read_entry

    page_ids = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        to_object_id=str(pk),
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    entries = (
        BlogEntryPage.objects.live()
        .descendant_of(classroom)
        .filter(pk__in=[int(page_id) for page_id in page_ids])
    )
    return any(can_read_entry(request.user, entry) for entry in entries)


def check_class_access(request, collection_id, classroom=None):
    """None when the request may have the file; otherwise the response to send instead."""
    classroom = classroom or classroom_of_collection(collection_id)
    if classroom is None:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_view_classroom(request.user, classroom):
        raise Http404
    return None


@require_safe
def serve_media(request, path):
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith("..") or name != path:
        raise Http404
    try:
        safe_join(str(settings.MEDIA_ROOT), name)
    except Exception as error:
        raise Http404 from error
    owner = owner_of(name)
    if owner is None:
        raise Http404
    model, pk, collection_id = owner
    classroom = classroom_of_collection(collection_id)
    # A file kept elsewhere that shows a child is no public file without the family's
    # consent (consent.py), and never kept by shared caches: consent can be withdrawn.
    # A child in no class has such files moved where superusers alone see them.
    children = consent.children_shown(model, pk) if classroom is None else {}
    set_aside = classroom is None and consent.in_withheld_collection(collection_id)
    if (
        (
            classroom is not None
            and not can_view_classroom(request.user, classroom)
            and not shared_beyond_class(request, model, pk, classroom)
        )
        or consent.withheld(request.user, children)
        or (set_aside and not (request.user.is_active and request.user.is_superuser))
    ):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    response = file_response(name, request)
    private = classroom or children or set_aside
    response["Cache-Control"] = PRIVATE_CACHE if private else PUBLIC_CACHE
    return response


def file_response(name, request=None):
    """The file itself, or a hand-over to the web server when it serves MEDIA_ROOT.

    With the request, a "Range: bytes=..." asks for a part (206): Safari plays audio and
    video only from a server that answers such requests."""
    accel_prefix = getattr(settings, "MEDIA_X_ACCEL_REDIRECT", "")
    if accel_prefix:
        response = HttpResponse()
        response["X-Accel-Redirect"] = f"{accel_prefix.rstrip('/')}/{name}"
        response["Content-Type"] = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return response
    if not default_storage.exists(name):
        raise Http404
    wanted = _byte_range(request, default_storage.size(name)) if request is not None else None
    if wanted is None:
        response = FileResponse(default_storage.open(name, "rb"))
        response["Accept-Ranges"] = "bytes"
        return response
    start, end, size = wanted
    if start is None:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    with default_storage.open(name, "rb") as stored:
        stored.seek(start)
        part = stored.read(end - start + 1)
    response = HttpResponse(part, status=206)
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    response["Content-Type"] = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return response


def stored_upload_response(request, stored, *, download: bool):
    """A file someone uploaded (a message's, a session's, a word's), once its view has
    checked who may open it: its checked type, never cached by a shared proxy, never
    sniffed into something else, and a document downloaded under its shown name."""
    response = file_response(stored.file.name, request)
    response["Content-Type"] = stored.content_type
    response["Cache-Control"] = PRIVATE_CACHE
    response["X-Content-Type-Options"] = "nosniff"
    if download:
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=stored.name
        )
    return response


# A part is read into memory: at most this much per request (the player asks again).
MAX_RANGE_BYTES = 8 * 1024 * 1024


def _byte_range(request, size):
    """(start, end, size) of the one range asked for, (None, None, size) when it cannot
    be served, or None when the whole file is wanted."""
    header = request.META.get("HTTP_RANGE", "")
    if not header.startswith("bytes=") or "," in header:
        return None
    first, _dash, last = header[6:].strip().partition("-")
    try:
        if first:
            start = int(first)
            end = int(last) if last else size - 1
        else:
            start, end = max(0, size - int(last)), size - 1
    except ValueError:
        return None
    end = min(end, size - 1, start + MAX_RANGE_BYTES - 1)
    if start > end or start >= size:
        return (None, None, size)
    return (start, end, size)


def check_document_access(document, request):
    """Wagtail's before_serve_document hook: class documents stay in the class."""
    return check_class_access(request, document.collection_id)
