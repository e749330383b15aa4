"""The class blog in the front end: writing, sending, reviewing, publishing, sharing.

Every view answers 404 to anyone who may not see the class (anonymous visitors are sent
to log in first), like the class pages themselves; each action is checked again on the
server whatever the page showed. Changes are POSTs; every outcome says what happened in
a message.

The editor's form is acted on once (submissions/once.py: a double click makes one entry)
and saved only over the revision it was opened on (editor.save_entry): a save made from
an outdated revision is refused, and the page shows the version saved meanwhile beside
the person's text, kept in the form. A save that went through tells the browser to drop
its local draft of the form (submissions/drafts.py).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from submissions import drafts, once

from . import editor, moderation
from .file_scope import refused_in_entry
from .forms import TEXT_MAX_LENGTH, EntryForm, SendBackForm, VisibilityForm
from .models import BlogEntryPage, ClassroomPage, ConsentFlag
from .moderation import EntryStatus
from .nursery import pupil_in_nursery_mode
from .permissions import can_moderate_classroom, can_post_in_classroom, can_view_classroom
from .person import reads_as_pupil
from .visibility import publication_refusals

UPLOAD_FIELDS = {"photo", "recording", "video"}


def classroom_or_404(user, classroom_id) -> ClassroomPage:
    classroom = ClassroomPage.objects.filter(pk=classroom_id).first()
    if classroom is None or not can_view_classroom(user, classroom):
        raise Http404
    return classroom


def entry_or_404(user, entry_id):
    """The entry and its class, for people who may see that class."""
    entry = get_object_or_404(BlogEntryPage, pk=entry_id)
    classroom = classroom_or_404(user, entry.get_classroom().pk)
    return entry, classroom


def may_edit(user, entry, classroom, review, latest) -> bool:
    """Teachers always; its authors and the person who started it while it is theirs.

    `latest` is the entry as its latest revision has it (where its authors are).
    """
    if user.is_superuser or moderation.teaches_class_of(user, classroom):
        return True
    if not can_post_in_classroom(user, classroom):
        return False
    if review.status not in (EntryStatus.DRAFT, EntryStatus.NEEDS_CHANGES):
        return False
    return _is_author(user, entry, latest)


def _is_author(user, entry, latest) -> bool:
    return entry.owner_id == user.pk or any(a.pk == user.pk for a in latest.authors.all())


def _sent(request, classroom, entry, review, latest):
    """A pupil's own entry waiting for the teacher: read-only, with its state, and a way
    to take it back (it becomes their draft again) to change it."""
    # A class assistant (ATSEM) sends her entries too: an adult, "vous".
    is_pupil = reads_as_pupil(request.user, classroom)
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        moderation.withdraw(entry, request.user)
        if is_pupil:
            back = pgettext("pupil", "Your entry is back among your drafts: you can change it.")
        else:
            back = pgettext("adult", "Your entry is back among your drafts: you can change it.")
        messages.success(request, back)
        return redirect("classrooms:entry_edit", entry_id=entry.pk)
    context = {
        "is_pupil": is_pupil,
        "classroom": classroom,
        "entry": entry,
        "latest": latest,
        "review": review,
        "authors": list(latest.authors.all()),
    }
    return render(request, "classrooms/entry_sent.html", context)


def may_publish(user, classroom) -> bool:
    return user.is_superuser or moderation.teaches_class_of(user, classroom)


def _initial(entry, latest):
    if latest is None:
        return {}
    return {
        "title": latest.title,
        "text": editor.text_of(latest),
        "coauthors": list(latest.authors.all()),
        "topics": [tag.name for tag in latest.tags.all()],
        "base_revision": entry.latest_revision_id,
    }


def _refused_uploads_only(form) -> bool:
    return bool(form.errors) and set(form.errors) <= UPLOAD_FIELDS


def _save(request, classroom, form, entry, base_revision_id):
    """Save the editor's data; returns the entry saved. Raises editor.OutdatedRevision
    (nothing saved) when the entry changed since `base_revision_id`."""
    data = dict(form.cleaned_data)
    data["topic_names"] = form.topic_names()
    for field in UPLOAD_FIELDS & set(form.errors):
        data.pop(field, None)
    return editor.save_entry(
        classroom=classroom,
        user=request.user,
        data=data,
        entry=entry,
        base_revision_id=base_revision_id,
    )


def _act(request, classroom, form, entry):
    """Keep, send or publish the entry just saved, as the button asked; the answer."""
    action = request.POST.get("action", "save")
    if form.errors:
        # A refused file: what was typed, and the other files, are saved as a draft.
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        if reads_as_pupil(request.user, classroom):
            kept = pgettext("pupil", "Your text is saved as a draft. You can try another file.")
        else:
            kept = pgettext("adult", "Your text is saved as a draft. You can try another file.")
        messages.info(request, kept)
        return redirect("classrooms:entry_edit", entry_id=entry.pk)
    if action == "publish" and may_publish(request.user, classroom):
        return _publish(request, entry)
    if action == "send":
        moderation.submit(entry, request.user)
        if reads_as_pupil(request.user, classroom):
            sent = pgettext("pupil", "Your entry has been sent to your teacher. Well done!")
        else:
            sent = pgettext("adult", "Your entry has been sent to the class’s teacher.")
        messages.success(request, sent)
        return redirect(classroom.get_url(request))
    if reads_as_pupil(request.user, classroom):
        saved = pgettext("pupil", "Your draft is saved. You can come back to it later.")
    else:
        saved = pgettext("adult", "Your draft is saved. You can come back to it later.")
    messages.success(request, saved)
    return redirect("classrooms:entry_edit", entry_id=entry.pk)


def _act_once(request, classroom, form, entry):
    """Act on the editor's form once (submissions/once.py), over the revision it was
    opened on; what the person wrote is never dropped.

    The same content sent again goes where the first one went. Other content sent with
    the same token (the form reopened from the browser's history, changed, saved again)
    is saved to the entry that form made, over the revision it made: no second entry.
    The same holds when saving went through and acting on it (sending, publishing)
    failed. The token is released (the form may be sent again as new) only when
    nothing was saved.
    """
    sent_key = drafts.entry_key(entry) if entry else drafts.new_entry_key(classroom)
    base_revision_id = form.cleaned_data.get("base_revision")
    claim = once.claim(request, form.cleaned_data.get(once.FIELD))
    if not claim.first:
        if claim.repeated:
            messages.info(request, _("Already sent: it is kept only once."))
            return drafts.forget(request, redirect(claim.result["url"]), sent_key)
        if claim.pending:
            messages.error(
                request,
                _(
                    "This form is already being sent. Wait a moment, then check before "
                    "sending it again: what is written here is kept."
                ),
            )
            return _editor_again(request, classroom, entry, sent_key)
        # What the form made, if it is this form's entry or one of this class (a token
        # sent from another class's form makes a new entry here).
        made = (
            BlogEntryPage.objects.descendant_of(classroom)
            .filter(pk=claim.result.get("entry") or 0)
            .first()
        )
        if made is not None and (entry is None or made.pk == entry.pk):
            if entry is None and not may_edit(
                request.user,
                made,
                classroom,
                moderation.review_of(made),
                made.get_latest_revision_as_object(),
            ):
                messages.error(
                    request,
                    _(
                        "The entry made from this page was sent and cannot be changed here "
                        "any more. What is written here is kept: send it again to make a "
                        "new entry."
                    ),
                )
                return _editor_again(request, classroom, None, sent_key)
            entry, base_revision_id = made, claim.result.get("revision")
    try:
        saved = _save(request, classroom, form, entry, base_revision_id)
    except editor.OutdatedRevision as outdated:
        claim.release()
        return _editor_again(request, classroom, entry, sent_key, outdated=outdated)
    except BaseException:
        claim.release()  # nothing was saved: the form may be sent again
        raise
    try:
        response = _act(request, classroom, form, saved)
    except BaseException:
        # Saved, then failed (sending it, publishing it): the same form sent again is
        # saved into the entry it made and acted on, never made a second time.
        claim.record(
            reverse("classrooms:entry_edit", kwargs={"entry_id": saved.pk}),
            done=False,
            entry=saved.pk,
            revision=saved.latest_revision_id,
        )
        raise
    revision_id = (
        BlogEntryPage.objects.filter(pk=saved.pk).values_list("latest_revision_id", flat=True).get()
    )
    claim.record(response.url, entry=saved.pk, revision=revision_id)
    return drafts.forget(request, response, sent_key)


def _editor_again(request, classroom, entry, sent_key, outdated=None):
    """The editor again with what was sent, on a new token: nothing of it was saved.

    With `outdated` (someone saved the entry meanwhile), the page shows the version now
    saved above the form, and the form is now based on it: saving again replaces it,
    knowingly. The form shown may be another one than the form sent (the entry a new
    entry's form made): the browser keeps the text under the shown one's key.
    """
    data = request.POST.copy()
    data[once.FIELD] = once.new_token()
    review = latest = None
    extra = {}
    if entry is not None:
        entry = BlogEntryPage.objects.get(pk=entry.pk)
        review, latest = moderation.review_of(entry), entry.get_latest_revision_as_object()
        data["base_revision"] = str(entry.latest_revision_id or "")
    if outdated is not None:
        revision = outdated.revision
        who = revision.user.display_name if revision and revision.user else _("someone else")
        when = localtime(revision.created_at if revision else None)
        messages.error(
            request,
            capfirst(
                _(
                    "%(name)s saved this entry in the meantime, at %(time)s: this save was "
                    "refused so that nothing is overwritten. Below are the version saved and, "
                    "in the form, the text written here, kept. Compare them, then save again: "
                    "the text of the form will replace the saved version."
                )
                % {"name": who, "time": date_format(when, "TIME_FORMAT")}
            ),
        )
        if request.FILES:
            messages.error(
                request,
                _("The photo, recording or video sent with it was not saved: add it again."),
            )
        extra["conflict"] = {
            "by": who,
            "at": when,
            "title": latest.title,
            "text": editor.text_of(latest),
        }
    response = _render_editor(request, classroom, data, entry, review, latest, 409, extra)
    shown_key = drafts.entry_key(entry) if entry else drafts.new_entry_key(classroom)
    if shown_key != sent_key:
        drafts.forget(request, response, sent_key)
    return response


def _publish(request, entry):
    entry = BlogEntryPage.objects.get(pk=entry.pk)
    latest = entry.get_latest_revision_as_object()
    if foreign := refused_in_entry(request.user, latest, latest.body):
        # Another class's file, saved before they were refused: removed in the editor.
        for message in dict.fromkeys(message for _block, message in foreign):
            messages.error(request, message)
        return redirect("classrooms:entry_edit", entry_id=entry.pk)
    refusals = publication_refusals(latest)
    if refusals:
        for refusal in refusals:
            messages.error(request, refusal)
        return redirect("classrooms:entry_review", entry_id=entry.pk)
    moderation.approve(entry, request.user)
    messages.success(request, _("The entry is published on the class blog."))
    return redirect(BlogEntryPage.objects.get(pk=entry.pk).get_url(request))


def _editor(request, classroom, entry=None, review=None, latest=None):
    """The editor, for a new entry or for `entry` (with its review and latest revision)."""
    if request.method == "POST":
        form = _entry_form(request, classroom, latest, request.POST, request.FILES)
        if form.is_valid() or _refused_uploads_only(form):
            try:
                return _act_once(request, classroom, form, entry)
            except ValidationError as refusal:  # a file of another class: nothing saved
                for message in refusal.messages:
                    form.add_error(None, message)
        return _render_editor(request, classroom, form, entry, review, latest)
    return _render_editor(request, classroom, None, entry, review, latest)


def _entry_form(request, classroom, latest, *args, removable=None, **kwargs):
    if removable is None:
        removable = editor.removable_blocks(latest, request.user) if latest else []
    return EntryForm(
        *args,
        classroom=classroom,
        author=request.user,
        is_pupil=reads_as_pupil(request.user, classroom),
        removable=[(block_id, str(obj or block_id)) for block_id, obj, _kind in removable],
        **kwargs,
    )


def _render_editor(request, classroom, form, entry, review, latest, status=200, extra=None):
    """The editor page. `form` is a bound form, data to bind one to, or None (a form
    filled from `latest`)."""
    removable = editor.removable_blocks(latest, request.user) if latest else []
    if form is None:
        form = _entry_form(
            request, classroom, latest, removable=removable, initial=_initial(entry, latest)
        )
    elif not isinstance(form, EntryForm):
        form = _entry_form(request, classroom, latest, form, removable=removable)
    context = {
        "classroom": classroom,
        "entry": entry,
        "review": review,
        "form": form,
        "removable": removable,
        "draft_key": drafts.entry_key(entry) if entry else drafts.new_entry_key(classroom),
        "can_publish": may_publish(request.user, classroom),
        "is_pupil": reads_as_pupil(request.user, classroom),
        "recording_max_seconds": settings.PREAU_AUDIO_MAX_SECONDS,
        "recording_max_minutes": max(1, settings.PREAU_AUDIO_MAX_SECONDS // 60),
        "video_max_minutes": max(1, settings.PREAU_VIDEO_MAX_SECONDS // 60),
        "text_max_length": TEXT_MAX_LENGTH,
        **(extra or {}),
    }
    # Pupils who do not read yet get pictograms and speech (classrooms/nursery.py).
    template = (
        "classrooms/entry_form_nursery.html"
        if pupil_in_nursery_mode(request.user, classroom)
        else "classrooms/entry_form.html"
    )
    return render(request, template, context, status=status)


@login_required
def entry_new(request, classroom_id):
    classroom = classroom_or_404(request.user, classroom_id)
    if not can_post_in_classroom(request.user, classroom):
        raise Http404
    return _editor(request, classroom)


@login_required
def entry_edit(request, entry_id):
    entry, classroom = entry_or_404(request.user, entry_id)
    review = moderation.review_of(entry)
    latest = entry.get_latest_revision_as_object()
    if not may_edit(request.user, entry, classroom, review, latest):
        if (
            review.awaits_teacher
            and can_post_in_classroom(request.user, classroom)
            and _is_author(request.user, entry, latest)
        ):
            return _sent(request, classroom, entry, review, latest)
        if entry.live:
            return redirect(entry.get_url(request))
        raise Http404
    return _editor(request, classroom, entry, review, latest)


@login_required
def entry_review(request, entry_id):
    """A teacher reads an entry as it was sent, then publishes it or sends it back."""
    entry, classroom = entry_or_404(request.user, entry_id)
    if not may_publish(request.user, classroom):
        raise Http404
    review = moderation.review_of(entry)
    latest = entry.get_latest_revision_as_object()
    send_back_form = SendBackForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "send_back":
            send_back_form = SendBackForm(request.POST)
            if send_back_form.is_valid() and review.awaits_teacher:
                moderation.send_back(entry, request.user, send_back_form.cleaned_data["note"])
                messages.success(request, _("The entry went back to its authors with your note."))
                return redirect(classroom.get_url(request))
        elif action == "publish":
            # The version she read: its authors may have taken it back and changed it
            # since her page opened (withdraw); what she has not read is not published.
            read = request.POST.get("revision")
            if read is not None and read != str(entry.latest_revision_id):
                messages.error(
                    request,
                    _("This entry has changed since you opened it: read it again first."),
                )
                return redirect("classrooms:entry_review", entry_id=entry.pk)
            visibility_form = VisibilityForm(request.POST)
            if visibility_form.is_valid():
                latest.visibility = visibility_form.cleaned_data["visibility"]
                if refusals := publication_refusals(latest):
                    for refusal in refusals:
                        messages.error(request, refusal)
                    return redirect("classrooms:entry_review", entry_id=entry.pk)
                if latest.visibility != entry.get_latest_revision_as_object().visibility:
                    latest.save_revision(user=request.user)
                return _publish(request, entry)
    context = {
        "classroom": classroom,
        "entry": entry,
        "latest": latest,
        "review": review,
        "send_back_form": send_back_form,
        "visibility_form": VisibilityForm(initial={"visibility": latest.visibility}),
        "authors": list(latest.authors.all()),
    }
    return render(request, "classrooms/entry_review.html", context)


@login_required
@require_POST
def entry_visibility(request, entry_id):
    """Staff share a published entry with the school or the public, or take it back."""
    entry, classroom = entry_or_404(request.user, entry_id)
    if not can_moderate_classroom(request.user, classroom) or not entry.live:
        raise Http404
    form = VisibilityForm(request.POST)
    if form.is_valid():
        if entry.has_unpublished_changes:
            messages.error(
                request,
                _("This entry has changes waiting for review: publish them first."),
            )
            return redirect(entry.get_url(request))
        entry.visibility = form.cleaned_data["visibility"]
        try:
            revision = entry.save_revision(user=request.user, log_action=True)
            revision.publish(user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            # Staff decided again who reads it: a take-down's flag has done its work.
            ConsentFlag.objects.filter(entry=entry).delete()
            messages.success(
                request,
                _("Who can read this entry: %(visibility)s.")
                % {"visibility": entry.get_visibility_display()},
            )
    return redirect(BlogEntryPage.objects.get(pk=entry.pk).get_url(request))


@login_required
@require_POST
def entry_delete(request, entry_id):
    """A draft nobody wants any more; published entries are removed in the admin."""
    entry, classroom = entry_or_404(request.user, entry_id)
    review = moderation.review_of(entry)
    latest = entry.get_latest_revision_as_object()
    if entry.live or not may_edit(request.user, entry, classroom, review, latest):
        raise Http404
    if entry.current_workflow_state:
        entry.current_workflow_state.cancel(user=request.user)
    entry.delete()
    messages.success(request, _("The draft is deleted."))
    return redirect(classroom.get_url(request))
