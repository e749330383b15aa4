"""The class blog in the front end: writing, sending, reviewing, publishing, sharing.

Every view answers 404 to anyone who may not see the class (anonymous visitors are sent
to log in first), like the class pages themselves; each action is checked again on the
server whatever the page showed. Changes are POSTs; every outcome says what happened in
a message.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import editor, moderation
from .file_scope import refused_in_entry
from .forms import TEXT_MAX_LENGTH, EntryForm, SendBackForm, VisibilityForm
from .models import BlogEntryPage, ClassroomPage
from .moderation import EntryStatus
from .permissions import can_moderate_classroom, can_post_in_classroom, can_view_classroom
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
    return entry.owner_id == user.pk or any(a.pk == user.pk for a in latest.authors.all())


def may_publish(user, classroom) -> bool:
    return user.is_superuser or moderation.teaches_class_of(user, classroom)


def _initial(latest):
    if latest is None:
        return {}
    return {
        "title": latest.title,
        "text": editor.text_of(latest),
        "coauthors": list(latest.authors.all()),
        "topics": [tag.name for tag in latest.tags.all()],
    }


def _refused_uploads_only(form) -> bool:
    return bool(form.errors) and set(form.errors) <= UPLOAD_FIELDS


def _save_and_act(request, classroom, form, entry):
    """Save the editor's data, then keep, send or publish it as the button asked."""
    data = dict(form.cleaned_data)
    data["topic_names"] = form.topic_names()
    for field in UPLOAD_FIELDS & set(form.errors):
        data.pop(field, None)
    entry = editor.save_entry(classroom=classroom, user=request.user, data=data, entry=entry)
    action = request.POST.get("action", "save")
    if form.errors:
        # A refused file: what was typed, and the other files, are saved as a draft.
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        messages.info(request, _("Your text is saved as a draft. You can try another file."))
        return redirect("classrooms:entry_edit", entry_id=entry.pk)
    if action == "publish" and may_publish(request.user, classroom):
        return _publish(request, entry)
    if action == "send":
        moderation.submit(entry, request.user)
        messages.success(request, _("Your entry has been sent to your teacher. Well done!"))
        return redirect(classroom.get_url(request))
    messages.success(request, _("Your draft is saved. You can come back to it later."))
    return redirect("classrooms:entry_edit", entry_id=entry.pk)


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
    removable = editor.removable_blocks(latest, request.user) if latest else []
    form_kwargs = {
        "classroom": classroom,
        "author": request.user,
        "removable": [(block_id, str(obj or block_id)) for block_id, obj, _kind in removable],
    }
    if request.method == "POST":
        form = EntryForm(request.POST, request.FILES, **form_kwargs)
        if form.is_valid() or _refused_uploads_only(form):
            try:
                return _save_and_act(request, classroom, form, entry)
            except ValidationError as refusal:  # a file of another class: nothing saved
                for message in refusal.messages:
                    form.add_error(None, message)
    else:
        form = EntryForm(initial=_initial(latest), **form_kwargs)
    context = {
        "classroom": classroom,
        "entry": entry,
        "review": review,
        "form": form,
        "removable": removable,
        "can_publish": may_publish(request.user, classroom),
        "recording_max_seconds": settings.PREAU_AUDIO_MAX_SECONDS,
        "recording_max_minutes": max(1, settings.PREAU_AUDIO_MAX_SECONDS // 60),
        "video_max_minutes": max(1, settings.PREAU_VIDEO_MAX_SECONDS // 60),
        "text_max_length": TEXT_MAX_LENGTH,
    }
    return render(request, "classrooms/entry_form.html", context)


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
