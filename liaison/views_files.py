"""A word's files, to the people who may read or follow it only (404 to everyone else)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from classrooms.files import PRIVATE_CACHE, file_response

from . import rules
from .access import number
from .models import WordConcern, WordFile


def may_open(user, word) -> bool:
    if rules.may_follow(user, word):
        return True
    children = list(rules.children_of(user))
    return bool(children) and WordConcern.objects.filter(word=word, child_id__in=children).exists()


@require_safe
@login_required
def word_file(request, file_id, name):
    stored = WordFile.objects.select_related("word").filter(pk=number(file_id)).first()
    if stored is None or stored.name != name or not may_open(request.user, stored.word):
        raise Http404
    response = file_response(stored.file.name, request)
    response["Content-Type"] = stored.content_type
    response["Cache-Control"] = PRIVATE_CACHE
    response["X-Content-Type-Options"] = "nosniff"
    if stored.kind == WordFile.Kind.DOCUMENT:
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=stored.name
        )
    return response
