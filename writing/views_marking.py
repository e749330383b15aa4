"""A handed-in draft: the teacher marks it with the class's colour code, comments and
gives it back (to rewrite, or ready); its authors and, when shared, their parents read it
with its marks and the legend."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from classrooms import editor
from classrooms.uploads import clean_recording, recording_limits

from . import legend, marked_text, notices, rules, workshop
from .access import draft_or_404
from .forms import GiveBackForm, MarkForm
from .models import Mark
from .views_text import carried_marks


def _latest_number(text):
    return text.drafts.order_by("-number").values_list("number", flat=True).first()


def _usable_kinds(text, classroom):
    return legend.in_use_for(legend.legend_of(classroom), list(text.authors.all()))


def _page(request, text, draft, classroom, mark_form=None, give_back_form=None, status=200):
    drafts = list(text.drafts.order_by("number"))
    # Marks go on the latest draft; earlier ones are kept as they were given back.
    may_mark = rules.may_mark(request.user, text.assignment, classroom) and (
        draft.number == drafts[-1].number
    )
    marks = list(draft.marks.select_related("error_type", "marked_by"))
    for mark in marks:
        mark.css = legend.css_class_of(mark.error_type)
    kinds = legend.legend_of(classroom)
    usable = _usable_kinds(text, classroom) if may_mark else []
    used = {mark.error_type_id for mark in marks}
    previous = text.drafts.filter(number__lt=draft.number).order_by("-number").first()
    dealt = []
    if previous is not None:
        previous_marks = list(previous.marks.select_related("error_type"))
        for item, mark in carried_marks(previous, draft.body, previous_marks):
            mark.css = legend.css_class_of(mark.error_type)
            dealt.append({"mark": mark, "dealt_with": item.dealt_with, "state": item.state})
    max_seconds = recording_limits("audio")[0]
    context = {
        "text": text,
        "draft": draft,
        "classroom": classroom,
        "assignment": text.assignment,
        "may_mark": may_mark,
        "is_teacher": rules.is_teacher(request.user, classroom),
        "marks": marks,
        "paragraphs": marked_text.cut(draft.body, marks, draft.paragraph_authors),
        "legend": [(k, legend.css_class_of(k)) for k in kinds if k.pk in used or k in usable],
        "usable": [(k, legend.css_class_of(k)) for k in usable],
        "mark_form": mark_form or MarkForm(kinds=usable),
        "form": give_back_form or GiveBackForm(),
        "previous": previous,
        "dealt": dealt,
        "writers": workshop.authors_by_id([draft]),
        "drafts": drafts,
        "several_authors": len(text.authors.all()) > 1,
        "recording_max_seconds": max_seconds,
        "recording_max_minutes": max_seconds // 60,
    }
    return render(request, "writing/draft.html", context, status=status)


@login_required
def draft_view(request, text_id, number):
    text, draft, classroom = draft_or_404(request.user, text_id, number)
    return _page(request, text, draft, classroom)


@login_required
@require_POST
def mark_add(request, text_id, number):
    text, draft, classroom = draft_or_404(request.user, text_id, number)
    if not rules.may_mark(request.user, text.assignment, classroom):
        raise Http404
    if draft.number != _latest_number(text):
        messages.error(request, _("A newer draft was handed in since: mark that one."))
        return redirect("writing:draft", text_id=text.pk, number=draft.number)
    form = MarkForm(request.POST, kinds=_usable_kinds(text, classroom))
    if not form.is_valid():
        messages.error(request, _("Choose some words, then a kind of mark."))
        return _page(request, text, draft, classroom, mark_form=form, status=400)
    span = marked_text.snapped(draft.body, form.cleaned_data["start"], form.cleaned_data["end"])
    if span is None:
        messages.error(request, _("Choose some words, then a kind of mark."))
        return _page(request, text, draft, classroom, mark_form=form, status=400)
    if marked_text.overlaps(draft.marks.all(), *span):
        messages.error(
            request, _("Some of these words are already marked: remove that mark first.")
        )
        return _page(request, text, draft, classroom, mark_form=form, status=400)
    mark = workshop.add_mark(
        draft, request.user, form.cleaned_data["kind"], *span, form.cleaned_data["hint"]
    )
    messages.success(
        request,
        _("Marked “%(words)s”: %(kind)s.") % {"words": mark.quote, "kind": mark.error_type.name},
    )
    return redirect("writing:draft", text_id=text.pk, number=draft.number)


@login_required
@require_POST
def mark_delete(request, text_id, number, mark_id):
    text, draft, classroom = draft_or_404(request.user, text_id, number)
    if not rules.may_mark(request.user, text.assignment, classroom):
        raise Http404
    mark = get_object_or_404(Mark, draft=draft, pk=mark_id)
    mark.delete()
    messages.success(request, _("The mark on “%(words)s” is removed.") % {"words": mark.quote})
    return redirect("writing:draft", text_id=text.pk, number=draft.number)


@login_required
@require_POST
def give_back(request, text_id, number):
    """The teacher's comment, and the decision: rewrite it, or it is ready."""
    text, draft, classroom = draft_or_404(request.user, text_id, number)
    if not rules.may_mark(request.user, text.assignment, classroom):
        raise Http404
    ready = request.POST.get("action") == "ready"
    if ready and not rules.is_teacher(request.user, classroom):
        raise Http404  # an assistant marks; the teacher says when a text is ready
    if draft.number != _latest_number(text):
        messages.error(request, _("A newer draft was handed in since: give that one back."))
        return redirect("writing:draft", text_id=text.pk, number=draft.number)
    form = GiveBackForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, text, draft, classroom, give_back_form=form, status=400)
    recording = None
    if uploaded := form.cleaned_data.get("recording"):
        try:
            cleaned = clean_recording(uploaded, "audio")
        except ValidationError as error:
            form.add_error("recording", error)
            return _page(request, text, draft, classroom, give_back_form=form, status=400)
        recording = editor.store_recording(
            classroom,
            request.user,
            cleaned,
            _("Comment on %(title)s") % {"title": text.title or text.assignment.title},
        )
    workshop.give_back(
        draft, request.user, comment=form.cleaned_data["comment"], recording=recording, ready=ready
    )
    notices.given_back(text, ready)
    if ready:
        messages.success(request, _("The text is ready: its authors can publish it."))
    else:
        messages.success(request, _("The draft is given back: its authors can rewrite it."))
    return redirect(text.assignment.get_url(request))
