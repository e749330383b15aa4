"""The files of an H5P package, and the score its player reports, for one attempt.

Both answer 404 to anyone outside: a package's files to people who may see neither its
class nor a class with a live exercise using it; a report to anyone but the pupil doing
the attempt, while it is under way.
"""

import mimetypes
import posixpath

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from wagtail.models import Page, ReferenceIndex

from classrooms.files import PRIVATE_CACHE, file_response
from classrooms.permissions import can_view_classroom

from .. import attempts, rules
from ..models import Attempt, CorrectionTiming, ExercisePage
from ..questions import MalformedAnswer
from . import archive
from .block import reported_result
from .package import H5PPackage

# The H5P core (h5p-standalone's frame.bundle.js) writes the player's frame with one inline
# script, always this text: "H5PIntegration = window.parent.H5PIntegration; var H5P =
# H5P || {}; H5P.externalEmbed = false;". The frame is about:blank and inherits the page's
# policy: the question pages allow that script by its hash, and nothing else inline
# (tests/exercises/test_h5p.py checks the hash against the installed player).
PLAYER_CSP = {"script-src": ["'sha256-8CniZYrnO46q7MvZ3m08Wom1HH/ZhyXmm29kBKTV1rk='"]}

# What browsers must be told for the player to load them (mimetypes may not know them).
CONTENT_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "svg": "image/svg+xml",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "eot": "application/vnd.ms-fontobject",
    "vtt": "text/vtt; charset=utf-8",
    "m4a": "audio/mp4",
    "mp3": "audio/mpeg",
    "txt": "text/plain; charset=utf-8",
}


def may_play(user, package) -> bool:
    """Whether the person may see the package's class, or a class one of whose live
    exercises uses it (Wagtail's reference index says which)."""
    if user.is_superuser or can_view_classroom(user, package.classroom):
        return True
    page_ids = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(H5PPackage),
        to_object_id=str(package.pk),
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    exercises = ExercisePage.objects.live().filter(pk__in=[int(pk) for pk in page_ids])
    return any(can_view_classroom(user, exercise.get_parent().specific) for exercise in exercises)


@login_required
@require_safe
def package_file(request, folder, path):
    package = H5PPackage.objects.select_related("classroom").filter(folder=folder).first()
    name = posixpath.normpath(path)
    if (
        package is None
        or name != path
        or name.startswith(("/", ".."))
        or archive.extension_of(name) not in archive.ALLOWED_EXTENSIONS
        or not may_play(request.user, package)
    ):
        raise Http404
    response = file_response(f"{package.base_path}/{name}", request)
    extension = archive.extension_of(name)
    response["Content-Type"] = (
        CONTENT_TYPES.get(extension) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    )
    response["Cache-Control"] = PRIVATE_CACHE
    response["X-Content-Type-Options"] = "nosniff"
    # A package's file opened on its own (an .svg, a .pdf, a .json typed into the address
    # bar) runs nothing on Préau's address: the sandbox gives it an opaque origin, and
    # does not apply to scripts, styles and images the player loads from it.
    response["Content-Security-Policy"] = "sandbox"
    if extension == "svg" and request.headers.get("Sec-Fetch-Dest") != "image":
        response["Content-Disposition"] = "attachment"
    return response


@login_required
@require_POST
def report(request, attempt_id, question_id):
    """The score of the H5P question on screen, posted by static/js/h5p-player.js."""
    with transaction.atomic():
        attempt = get_object_or_404(
            Attempt.objects.select_for_update(),
            pk=attempt_id,
            pupil=request.user,
            finished_at__isnull=True,
        )
        version = attempts.version_of(attempt)
        question = attempts.current_question(attempt, attempts.questions(version))
        if question is None or str(question.id) != question_id:
            # Answered already (another tab, a second statement): the first score counts.
            raise Http404
        if question.child.block_type != "h5p":
            raise Http404
        if not rules.works_here(request.user, rules.classroom_of(attempt.exercise)):
            raise Http404  # its class closed meanwhile: an archive is read-only
        try:
            answer = reported_result(request.POST)
        except MalformedAnswer:
            return JsonResponse({"recorded": False}, status=400)
        marking = attempts.save_answer(attempt, question, answer)
    next_url = reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk})
    if version.correction_timing == CorrectionTiming.AFTER_EACH:
        next_url += f"?correction={question.id}"
    return JsonResponse(
        {
            "recorded": True,
            "message": _("Your score is recorded: %(points)s out of %(max)s.")
            % {"points": _points(marking.points), "max": _points(marking.max_points)},
            "next": next_url,
        }
    )


def _points(value):
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
