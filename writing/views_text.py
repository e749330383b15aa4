"""A text in the front end: writing it (with co-authors, merged), handing it in,
comparing drafts, sharing it with the parents, publishing it on the class blog and
rewriting it after comments. Changes are POSTs; every outcome says what happened."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from submissions import drafts as local_drafts

from . import legend, marked_text, notices, paragraph_merge, rules, text_changes, workshop
from .access import assignment_or_404, number, text_or_404
from .forms import TextForm
from .models import TEXT_MAX_LENGTH, Topic


def draft_key(text) -> str:
    return f"writing-text-{text.pk}"


def last_marked_draft(text):
    return text.drafts.exclude(marked_at=None).order_by("-number").first()


def carried_marks(draft, body, marks):
    """The marks of `draft` placed on the working copy `body`, each with what became of it."""
    by_position = {(m.start, m.end, m.error_type_id): m for m in marks}
    carried = text_changes.carry_marks(
        draft.body,
        body,
        [text_changes.Mark(m.start, m.end, m.error_type_id) for m in marks],
    )
    for item in carried:
        yield item, by_position[(item.mark.start, item.mark.end, item.mark.kind)]


@login_required
@require_POST
def start(request, assignment_id):
    """A pupil starts their text (their group's), on the topic they chose if any."""
    assignment, classroom = assignment_or_404(request.user, assignment_id)
    if not rules.works_here(request.user, classroom):
        raise Http404
    topic = None
    if request.POST.get("topic"):
        topic = Topic.objects.filter(
            assignment=assignment, pk=number(request.POST["topic"])
        ).first()
        if topic is None:
            raise Http404
    try:
        text = workshop.start_text(assignment, request.user, topic)
    except workshop.TopicTaken:
        messages.error(request, _("Someone chose this topic just before you: choose another one."))
        return redirect(assignment.get_url(request))
    return redirect("writing:text", text_id=text.pk)


def _marked_context(text, classroom):
    """The last marked draft with its marks and the legend, for the pupil rewriting."""
    draft = last_marked_draft(text)
    if draft is None:
        return {}
    kinds = legend.legend_of(classroom)
    marks = list(draft.marks.select_related("error_type"))
    for mark in marks:
        mark.css = legend.css_class_of(mark.error_type)
    carried = []
    for item, mark in carried_marks(draft, text.body, marks):
        carried.append({"mark": mark, "state": item.state, "dealt_with": item.dealt_with})
    used = {mark.error_type_id for mark in marks}
    return {
        "marked_draft": draft,
        "marked_paragraphs": marked_text.cut(draft.body, marks),
        "legend": [(kind, legend.css_class_of(kind)) for kind in kinds if kind.pk in used],
        "carried": carried,
        "left_to_do": sum(
            1 for item in carried if not item["dealt_with"] and not item["mark"].error_type.praise
        ),
    }


def _page(request, text, classroom, form, conflict=None, status=200):
    context = {
        "text": text,
        "assignment": text.assignment,
        "classroom": classroom,
        "form": form,
        "may_write": rules.may_write(request.user, text, classroom),
        "is_teacher": rules.is_teacher(request.user, classroom),
        "may_mark": rules.may_mark(request.user, text.assignment, classroom),
        "may_publish": rules.may_publish(request.user, text, classroom),
        "may_rewrite_published": rules.may_rewrite_published(request.user, text, classroom),
        "drafts": list(text.drafts.order_by("number")),
        "conflict": conflict,
        "draft_key": draft_key(text),
        "text_max_length": TEXT_MAX_LENGTH,
        "writers": workshop.authors_by_id([text]),
        "paragraphs": marked_text.cut(text.body, (), text.paragraph_authors),
        "several_authors": len(text.authors.all()) > 1,
    }
    context.update(_marked_context(text, classroom))
    return render(request, "writing/text.html", context, status=status)


def _fresh_form(text):
    return TextForm(
        initial={
            "title": text.title,
            "body": text.body,
            "base_version": text.version,
            "base_body": text.body,
        }
    )


@login_required
def text_view(request, text_id):
    """The text's page: the editor for its authors, its drafts, marks and actions."""
    text, classroom = text_or_404(request.user, text_id)
    if request.method != "POST":
        return _page(request, text, classroom, _fresh_form(text))
    if not rules.may_write(request.user, text, classroom):
        raise Http404
    form = TextForm(request.POST)
    if not form.is_valid():
        return _page(request, text, classroom, form, status=400)
    data = form.cleaned_data
    try:
        saved = workshop.save(
            text,
            request.user,
            base_version=data["base_version"],
            base_body=data["base_body"],
            body=data["body"],
            title=data["title"],
        )
    except paragraph_merge.Conflict:
        text.refresh_from_db()
        again = request.POST.copy()
        again["base_version"], again["base_body"] = text.version, text.body
        messages.error(
            request,
            _(
                "Someone changed the same paragraph while you were writing. Your text is "
                "below, not saved yet: look at their version, put the two together, then save."
            ),
        )
        return _page(request, text, classroom, TextForm(again), conflict=text, status=409)
    merged = paragraph_merge.normal_text(data["body"]) != saved.body
    if request.POST.get("action") == "hand_in" and not saved.body:
        messages.error(request, _("Write your text before handing it in."))
    elif request.POST.get("action") == "hand_in":
        draft = workshop.hand_in(saved, request.user)
        notices.handed_in(saved, draft, classroom, request.user)
        messages.success(
            request, _("Your text is handed in. Your teacher will read it. Well done!")
        )
    elif merged:
        messages.info(
            request,
            _(
                "Saved. Someone of your group wrote at the same time: "
                "their words are in the text too."
            ),
        )
    else:
        messages.success(request, _("Your text is saved. You can come back to it later."))
    response = redirect("writing:text", text_id=saved.pk)
    return local_drafts.forget(request, response, draft_key(saved))


@login_required
@cache_control(private=True, no_store=True)
def text_news(request, text_id):
    """What a co-author's open editor asks every few seconds (htmx): whether someone else
    saved the text since it was opened, so that they know before they save."""
    text, classroom = text_or_404(request.user, text_id)
    since = number(request.GET.get("depuis"))
    news = ""
    if text.version > since and text.saved_by_id not in (None, request.user.pk):
        news = _(
            "%(name)s saved the text at %(time)s. Save yours: their words and yours will "
            "be put together."
        ) % {
            "name": text.saved_by.display_name,
            "time": date_format(localtime(text.saved_at), "TIME_FORMAT"),
        }
    return HttpResponse(escape(news))


@login_required
def compare(request, text_id):
    """Two drafts side by side, word by word (?de=1&a=2: the first and the second)."""
    text, classroom = text_or_404(request.user, text_id)
    drafts = list(text.drafts.order_by("number"))
    numbers = {d.number: d for d in drafts}
    versions = [(d.number, d.body) for d in drafts]
    if text.body and (not drafts or drafts[-1].body != text.body):
        versions.append((0, text.body))  # 0: the text as it is now
    bodies = dict(versions)
    # One version only (draft 1 handed in, unchanged since): it is shown against itself,
    # rather than a 404 behind the text page's "Compare" button.
    try:
        first = int(request.GET.get("de", versions[-2:][0][0] if versions else -1))
        second = int(request.GET.get("a", versions[-1][0] if versions else -1))
    except ValueError:
        raise Http404 from None
    if first not in bodies or second not in bodies:
        raise Http404
    return render(
        request,
        "writing/compare.html",
        {
            "text": text,
            "classroom": classroom,
            "versions": versions,
            "drafts": numbers,
            "first": first,
            "second": second,
            "pieces": text_changes.compare(bodies[first], bodies[second]),
        },
    )


@login_required
@require_POST
def share(request, text_id):
    """The teacher shows the text and its drafts to the authors' parents, or stops."""
    text, classroom = text_or_404(request.user, text_id)
    if not rules.is_teacher(request.user, classroom):
        raise Http404
    text.shared_with_parents = request.POST.get("shared") == "1"
    text.save(update_fields=["shared_with_parents"])
    if text.shared_with_parents:
        messages.success(
            request, _("The parents of its authors can now read this text and its drafts.")
        )
    else:
        messages.success(request, _("This text is no longer shown to the parents."))
    return redirect("writing:text", text_id=text.pk)


@login_required
@require_POST
def publish(request, text_id):
    """A ready text becomes a class blog entry, then follows the blog's review."""
    text, classroom = text_or_404(request.user, text_id)
    if not rules.may_publish(request.user, text, classroom):
        raise Http404
    republished = text.entry_id is not None
    entry = workshop.publish(text, request.user, classroom)
    if republished:
        if rules.is_teacher(request.user, classroom):
            messages.success(request, _("The new version is published on the class blog."))
        else:
            messages.success(request, _("The new version is sent to your teacher. Well done!"))
        return redirect(entry.get_url(request) or classroom.get_url(request))
    messages.success(
        request,
        _("Your text is now an entry of the class blog. Add photos or recordings, then send it."),
    )
    return redirect(reverse("classrooms:entry_edit", kwargs={"entry_id": entry.pk}))


@login_required
@require_POST
def rewrite(request, text_id):
    """Its authors start a new draft of a published text, after their readers' comments."""
    text, classroom = text_or_404(request.user, text_id)
    if not rules.may_rewrite_published(request.user, text, classroom):
        raise Http404
    workshop.rewrite_published(text, request.user)
    messages.success(
        request, _("You can rewrite your text. When it is ready, it will replace the entry.")
    )
    return redirect("writing:text", text_id=text.pk)
