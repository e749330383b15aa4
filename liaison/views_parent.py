"""What parents do: a carnet per child (words to read first, then the history) and one
word's page, where they acknowledge it and answer its question for that child.

Only a guardian of a child the word concerns reaches these pages (rules.py); anyone
else, staff included, gets 404: acknowledgements are the parents' own.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import rules, services
from .access import number, parent_word_or_404
from .forms import AcknowledgeForm
from .models import Acknowledgement, WordConcern


@login_required
def child_notebook(request, child_id):
    child_id = number(child_id)
    if not rules.is_parent_of(request.user, child_id):
        raise Http404
    child = rules.children_of(request.user)[child_id]
    concerns = list(
        WordConcern.objects.filter(child_id=child_id)
        .select_related("word", "word__author", "classroom")
        .order_by("-word__created_at", "-word_id")
    )
    mine = set(
        Acknowledgement.objects.filter(
            child_id=child_id, parent=request.user, word_id__in=[c.word_id for c in concerns]
        ).values_list("word_id", flat=True)
    )
    to_read = [concern for concern in concerns if concern.word_id not in mine]
    history = [concern for concern in concerns if concern.word_id in mine]
    others = [
        (other, pk) for pk, other in rules.children_of(request.user).items() if pk != child_id
    ]
    return render(
        request,
        "liaison/child.html",
        {"child": child, "to_read": to_read, "history": history, "other_children": others},
    )


@login_required
def read_word(request, child_id, word_id):
    word, concern = parent_word_or_404(request.user, word_id, child_id)
    mine = Acknowledgement.objects.filter(
        word=word, child_id=concern.child_id, parent=request.user
    ).first()
    initial = {"answer": mine.answer} if mine and mine.answer else {}
    data = request.POST if request.method == "POST" else None
    form = AcknowledgeForm(data, word=word, initial=initial)
    if request.method == "POST" and form.is_valid():
        answer = form.cleaned_data.get("answer") or ""
        _ack, created = services.acknowledge(word, concern.child_id, request.user, answer)
        if created:
            messages.success(request, _("Thank you: the school knows you have read this word."))
        else:
            messages.success(request, _("Your answer was changed."))
        return redirect("liaison:read", child_id=concern.child_id, word_id=word.pk)
    others = list(
        Acknowledgement.objects.filter(word=word, child_id=concern.child_id)
        .exclude(parent=request.user)
        .select_related("parent")
    )
    return render(
        request,
        "liaison/read.html",
        {
            "word": word,
            "concern": concern,
            "child": concern.child,
            "form": form,
            "mine": mine,
            "others": others,
            "files": list(word.files.all()),
        },
    )
