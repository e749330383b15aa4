"""A child's page of answers: their parents read and change them; a teacher of the
child's class or a director records a paper answer (signed with their own name). The
history of changes is shown to all of them. Anyone else gets 404 (access.py)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pages import french

from . import access, answers
from .forms import MEDIUM_LABELS, ConsentForm
from .models import ConsentChange


@login_required
def child_consent(request, pupil_id):
    standing = access.standing(request.user, pupil_id)
    if standing is None:
        raise Http404
    pupil = get_user_model().objects.filter(pk=pupil_id, is_active=True).first()
    if pupil is None:
        raise Http404
    consent = answers.answers_of([pupil.pk])[pupil.pk]
    first_name = pupil.first_name.strip() or pupil.display_name
    data = request.POST if request.method == "POST" else None
    form = ConsentForm(data, first_name=first_name, consent=consent)
    if request.method == "POST":
        if form.is_valid():
            source = (
                ConsentChange.Source.PARENT
                if standing == access.PARENT
                else ConsentChange.Source.STAFF
            )
            changed = answers.record(pupil, form.answers(), by=request.user, source=source)
            if changed:
                messages.success(request, _("Your answers are recorded."))
            else:
                messages.info(request, _("Nothing changed: your answers were already these."))
            return redirect("consents:child", pupil_id=pupil.pk)
        messages.error(request, _("Answer every question with yes or no."))
    history = [
        {"change": change, "line": _history_line(change, first_name)}
        for change in answers.history_of(pupil)
    ]
    return render(
        request,
        "consents/child.html",
        {
            "pupil": pupil,
            "first_name": first_name,
            "form": form,
            "history": history,
            "as_staff": standing == access.STAFF,
            "other_children": [
                (pk, name) for pk, name in access.children(request.user) if pk != pupil.pk
            ],
        },
        status=400 if request.method == "POST" else 200,
    )


def _history_line(change, first_name) -> str:
    """« Les photos où l’on reconnaît Léa, le public : oui → non »."""
    words = {None: _("no answer"), True: _("yes"), False: _("no")}
    return french.fill(
        _("%(what)s, %(audience)s: %(old)s → %(new)s"),
        what=french.fill(MEDIUM_LABELS[change.medium], name=first_name),
        audience=change.get_audience_display(),
        old=words[change.old],
        new=words[change.new],
    )
