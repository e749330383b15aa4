"""The comment endpoints: post, reply, moderate, report, link to a rewriting, the queue.

django-comments-xtd's own views (post, reply, API, e-mail confirmation) are never
mounted: they know nothing of class privacy. These views answer 404 to anyone who may
not read the entry (anonymous visitors are sent to log in), like the entry itself.

A comment is posted once whatever the clicks (submissions/once.py), and a posted comment
tells the browser to drop its local draft of the form (submissions/drafts.py).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Revision

from classrooms.models import BlogEntryPage
from classrooms.permissions import can_moderate_classroom
from classrooms.person import reads_as_pupil
from classrooms.views import classroom_or_404
from performance import versions
from submissions import drafts, once

from . import rules, services
from .forms import CommentForm, ConstructiveCommentForm, RejectForm
from .models import ClassComment
from .queue import pending_comments

# Waiting comments shown at once in the queue, the oldest first.
QUEUE_PAGE = 30


def live_entry(entry_id):
    """The live entry and its class space, shared under the entry's version: every
    comment posted on an entry reads the same two pages (performance/versions.py)."""
    try:
        entry_id = int(entry_id)
    except (TypeError, ValueError):
        return None

    def load():
        entry = BlogEntryPage.objects.live().filter(pk=entry_id).first()
        if entry is not None:
            entry.get_classroom()  # read now, kept with the entry
        return entry or False

    scopes = (versions.page_scope(entry_id),)
    return versions.cached(f"live-entry:{entry_id}", scopes, load) or None


def entry_or_404(user, entry_id):
    entry = live_entry(entry_id)
    if entry is None:
        raise Http404
    classroom = entry.get_classroom()
    rights = rules.rights_on(user, entry, classroom)
    if not rights.read:
        raise Http404
    return entry, classroom, rights


def comment_or_404(user, comment_id):
    comment = get_object_or_404(ClassComment, pk=comment_id)
    entry, classroom, rights = entry_or_404(user, comment.object_pk)
    return comment, entry, classroom, rights


@login_required
@require_http_methods(["GET", "POST"])
def post_comment(request, entry_id):
    entry, classroom, rights = entry_or_404(request.user, entry_id)
    if not rights.write:
        raise Http404
    if request.method == "GET":
        # The login page's way back when a session ended while a comment was written:
        # the entry, where the browser puts the sentences back (submissions/drafts.py).
        return redirect(services.entry_url(entry))
    is_pupil = reads_as_pupil(request.user, classroom)
    form = CommentForm(request.POST, is_pupil=is_pupil)
    parent = None
    if form.is_valid() and form.cleaned_data.get("parent"):
        parent = (
            ClassComment.objects.on(entry)
            .filter(pk=form.cleaned_data["parent"], is_public=True, is_removed=False, level=0)
            .first()
        )
        if parent is None:
            form.add_error(None, _("This comment cannot be answered any more."))
    draft_key = drafts.comment_key(entry, parent)
    claim = None
    if form.is_valid():
        claim = once.claim(request, form.cleaned_data.get(once.FIELD))
        if claim.repeated:
            messages.info(request, _("Already sent: it is kept only once."))
            return drafts.forget(request, redirect(claim.result["url"]), draft_key)
        if not claim.first:
            return _sent_before(request, entry, claim, is_pupil)
    if form.is_valid() and rules.flooding(request.user):
        if is_pupil:
            flooding = pgettext(
                "pupil",
                "You have written many comments in a few minutes. Take a break and try "
                "again a little later: your text is still here.",
            )
        else:
            flooding = pgettext(
                "adult",
                "You have written many comments in a few minutes. Take a break and try "
                "again a little later: your text is still here.",
            )
        form.add_error(None, flooding)
    if not form.is_valid():
        if claim is not None:
            claim.release()
        # The entry's page again, with the sentences typed and what to change.
        return render_entry_with_form(request, entry, form, status=400)
    data = form.cleaned_data
    try:
        comment = services.post(
            entry,
            request.user,
            liked=data["liked"],
            suggestion=data["suggestion"],
            wondering=data["wondering"],
            parent=parent,
            at_once=rights.publish_at_once,
        )
    except BaseException:
        claim.release()
        raise
    url = services.entry_url(entry, comment)
    claim.record(url, comment=comment.pk)
    if comment.is_public and is_pupil:
        messages.success(request, pgettext("pupil", "Your comment is published."))
    elif comment.is_public:
        messages.success(request, pgettext("adult", "Your comment is published."))
    elif is_pupil:
        messages.success(
            request,
            pgettext(
                "pupil",
                "Thank you! Your comment will appear once a teacher of the class has read it.",
            ),
        )
    else:
        messages.success(
            request,
            pgettext(
                "adult",
                "Thank you! Your comment will appear once a teacher of the class has read it.",
            ),
        )
    return drafts.forget(request, redirect(url), draft_key)


def _sent_before(request, entry, claim, is_pupil):
    """This form's token was used for other sentences (two tabs on one page), or is being
    used right now: nothing is posted behind the person's back, nothing is lost either.
    The sentences come back in the form, on a new token, to be sent again knowingly."""
    data = request.POST.copy()
    data[once.FIELD] = once.new_token()
    form = CommentForm(data, is_pupil=is_pupil)
    form.is_valid()
    if claim.pending:
        message = _(
            "This comment is already being sent. Wait a moment and reload the page before "
            "sending it again: the text is still here."
        )
    else:
        message = _(
            "This form was already sent (that comment is above). If this is another one, "
            "just send it again: the text is still here."
        )
    form.add_error(None, message)
    return render_entry_with_form(request, entry, form, status=409)


def render_entry_with_form(request, entry, form, status):
    """The entry page with a refused comment form: what was typed is kept."""
    request.comment_form = form
    response = entry.specific.serve(request)
    response.status_code = status
    return response


@login_required
@require_POST
def moderate(request, comment_id):
    comment, entry, classroom, rights = comment_or_404(request.user, comment_id)
    if not rights.moderate:
        raise Http404
    action = request.POST.get("action")
    if action == "approve":
        services.approve(comment, entry, request.user)
        messages.success(request, _("The comment is published."))
    elif action == "reject":
        form = RejectForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        services.reject(comment, entry, request.user, reason)
        messages.success(request, _("The comment will not be published; its author is told why."))
    elif action == "correct":
        form = ConstructiveCommentForm(request.POST)
        if not form.is_valid():
            for error in form.non_field_errors():
                messages.error(request, error)
            return redirect(_back(request, entry, comment))
        services.correct(comment, request.user, **form.cleaned_data)
        messages.success(request, _("The comment is corrected."))
    else:
        raise Http404
    return redirect(_back(request, entry, comment))


def _back(request, entry, comment):
    """Back to the queue or to the entry, whichever the moderator came from."""
    if request.POST.get("from") == "queue":
        return services.queue_url(entry)
    return services.entry_url(entry, comment)


@login_required
@require_POST
def report(request, comment_id):
    comment, entry, classroom, rights = comment_or_404(request.user, comment_id)
    if not comment.is_public or comment.user_id == request.user.pk:
        raise Http404
    services.flag(comment, entry, request.user)
    messages.success(
        request, _("Thank you. The comment is hidden until a teacher of the class reads it again.")
    )
    return redirect(services.entry_url(entry))


@login_required
@require_POST
def link_revision(request, comment_id):
    comment, entry, classroom, rights = comment_or_404(request.user, comment_id)
    if not rights.moderate:
        raise Http404
    revision = Revision.page_revisions.filter(
        object_id=str(entry.pk), pk=request.POST.get("revision") or 0
    ).first()
    if revision is None:
        messages.error(request, _("Choose the version of the entry that answers the comment."))
    else:
        services.link_revision(comment, revision, request.user)
        messages.success(request, _("The comment is linked to the rewriting it led to."))
    return redirect(services.entry_url(entry, comment))


@login_required
def revision_view(request, entry_id, revision_id):
    """One earlier or later version of an entry, for the class (rules.readable_version_ids).

    Not for readers of a shared or public entry, nor for partner classes: an earlier
    version may hold what the staff removed before sharing it (a photo without consent),
    a later one a draft nobody approved.
    """
    entry, classroom, rights = entry_or_404(request.user, entry_id)
    revision = get_object_or_404(Revision.page_revisions, object_id=str(entry.pk), pk=revision_id)
    if revision.pk not in rules.readable_version_ids(request.user, entry, classroom, {revision.pk}):
        raise Http404
    return render(
        request,
        "comments/revision.html",
        {
            "entry": entry,
            "classroom": classroom,
            "version": revision.as_object(),
            "revision": revision,
        },
    )


@login_required
def queue(request, classroom_id):
    """The class's comments waiting for a teacher, oldest first, QUEUE_PAGE at a time: a
    class back from the holidays may have hundreds, and a page of megabytes helps nobody;
    the next ones come up as these are published or refused."""
    classroom = classroom_or_404(request.user, classroom_id)
    if not can_moderate_classroom(request.user, classroom):
        raise Http404
    pending = pending_comments(classroom, limit=QUEUE_PAGE + 1)
    return render(
        request,
        "comments/queue.html",
        {
            "classroom": classroom,
            "pending": pending[:QUEUE_PAGE],
            "more_waiting": len(pending) > QUEUE_PAGE,
            "moderator_rights": rules.CommentRights(read=True, write=True, moderate=True),
        },
    )
