"""Downloading a person's data: one's own, a child's (a parent), a pupil's (the class's
teachers and the school's directors, on a family's request, recorded)."""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import FileResponse
from django.shortcuts import render

from . import archive
from .access import Standing, person_or_404
from .models import ExportRecord

logger = logging.getLogger(__name__)
# At most this long is a build taken to be under way (a crashed one frees the way then).
BUILDING_SECONDS = 600


@login_required
def mine(request):
    """The ZIP of the logged-in person's own data."""
    return _download(request, request.user, Standing.SELF)


@login_required
def of_person(request, user_id):
    """The ZIP of a child's or pupil's data; 404 to anyone not allowed (access.py)."""
    person, how = person_or_404(request.user, user_id)
    return _download(request, person, how)


def _download(request, person, how):
    # Building a ZIP is heavy (every file copied): one at a time per reader and person, so
    # that a burst of clicks or requests cannot fill the server's disk with copies.
    key = f"dataexport:building:{request.user.pk}:{person.pk}"
    if not cache.add(key, True, BUILDING_SECONDS):
        context = {"person": person, "title": archive.title_of(person)}
        return render(request, "dataexport/wait.html", context, status=429)
    try:
        zip_file, filename = archive.build(person)
    except archive.TooBig as too_big:
        context = {
            "person": person,
            "how": how,
            "size_mb": round(too_big.size / 1024 / 1024),
            "limit_mb": settings.PREAU_DATA_EXPORT_MAX_MB,
            "title": archive.title_of(person),
        }
        return render(request, "dataexport/too_big.html", context, status=413)
    finally:
        cache.delete(key)
    if how == Standing.STAFF:
        ExportRecord.objects.create(
            person=person, made_by=request.user, made_by_name=request.user.get_full_name()
        )
        logger.info("Data of user %s exported by staff user %s", person.pk, request.user.pk)
    return FileResponse(
        zip_file, as_attachment=True, filename=filename, content_type="application/zip"
    )
