"""A word's files, to the people who may read or follow it only (404 to everyone else)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_safe

from classrooms.files import stored_upload_response

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
    return stored_upload_response(request, stored, download=stored.kind == WordFile.Kind.DOCUMENT)
