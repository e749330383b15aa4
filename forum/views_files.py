"""The reading club's files (pictures and recordings of replies, book covers), to the
people who may see what they belong to only: 404 to everyone else."""

import mimetypes
from types import SimpleNamespace

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_safe

from classrooms.files import stored_upload_response
from sharedspaces.access import number

from . import rules
from .access import club_or_404, topic_or_404
from .models import PostFile


@require_safe
@login_required
def post_file(request, space_id, file_id, name):
    standing = club_or_404(request.user, space_id)
    stored = (
        PostFile.objects.select_related("post__topic")
        .filter(pk=number(file_id), post__topic__space=standing.space)
        .first()
    )
    if (
        stored is None
        or stored.name != name
        or not rules.sees_post(standing, request.user, stored.post)
        or not rules.sees_topic(standing, request.user, stored.post.topic)
    ):
        raise Http404
    return stored_upload_response(request, stored, download=False)


@require_safe
@login_required
def cover(request, space_id, topic_id):
    standing = club_or_404(request.user, space_id)
    topic = topic_or_404(standing, request.user, topic_id)
    if not topic.cover:
        raise Http404
    name = topic.cover.name.rsplit("/", 1)[-1]
    stored = SimpleNamespace(
        file=topic.cover,
        name=name,
        content_type=mimetypes.guess_type(name)[0] or "image/jpeg",
    )
    return stored_upload_response(request, stored, download=False)
