"""The diary's actions in the front end: writing, copying and deleting sessions (the
class's teachers), ticking an item done (the pupil), and a session's files (the class).

Every view finds what it names through access.py: a person outside the class, or who may
not act on it, gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from classrooms import uploads
from classrooms.files import stored_upload_response
from classrooms.models import ClassroomPage, Membership
from messaging import attachments

from . import notices, rules, services
from .access import classroom_or_404, item_or_404, number, session_or_404
from .diary import items_for
from .forms import CopyForm, ItemFormSet, SessionForm
from .models import HomeworkItem, ItemDone, Session, SessionFile


def diary_url(classroom, day=None, request=None):
    diary = services.diary_of(classroom)
    if diary is None:
        return classroom.get_url(request)
    url = diary.get_url(request)
    return f"{url}?semaine={day.isoformat()}" if day else url


def _version(session):
    return session.updated_at.isoformat() if session else ""


def _checked_files(form):
    """The posted photo and document, checked by their bytes; errors go on their fields."""
    photos, documents = [], []
    try:
        if uploaded := form.cleaned_data.get("photo"):
            photos.append(uploads.clean_photo(uploaded))
    except ValidationError as error:
        form.add_error("photo", error)
    try:
        if uploaded := form.cleaned_data.get("document"):
            documents.append(attachments.clean_document(uploaded))
    except ValidationError as error:
        form.add_error("document", error)
    return photos, documents


def _edit(request, classroom, session):
    """The session form and its items: new (session None) or an existing one."""
    initial = {"date": timezone.localdate(), "version": _version(session)}
    if session:
        initial.update(
            date=session.date,
            title=session.title,
            text=session.text,
            links=list(session.links.all()),
        )
    post = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = SessionForm(post, files, classroom=classroom, session=session, initial=initial)
    formset = ItemFormSet(
        post,
        instance=session or Session(classroom=classroom),
        prefix="items",
        form_kwargs={"classroom": classroom},
    )
    current = None
    if post is not None and form.is_valid() & formset.is_valid():
        if session and form.cleaned_data["version"] != _version(session):
            current = session
            form.add_error(
                None,
                _(
                    "Someone saved this session while you were writing: nothing of yours is "
                    "saved yet. Their version is shown above; your text is still in the form. "
                    "Save again to keep yours instead."
                ),
            )
            # Seen now: a second save, on purpose, replaces the version shown.
            data = form.data.copy()
            data["version"] = _version(session)
            form.data = data
        else:
            photos, documents = _checked_files(form)
            if not form.errors:
                first = session is None
                saved = services.save_session(
                    session or Session(classroom=classroom),
                    form.cleaned_data,
                    formset,
                    request.user,
                    photos=photos,
                    documents=documents,
                )
                diary = services.ensure_diary(classroom, request.user)
                url = f"{diary.get_url(request)}?semaine={saved.date.isoformat()}"
                notices.announce(saved, url)
                if first:
                    messages.success(request, _("The session is in the diary."))
                else:
                    messages.success(request, _("The session is saved."))
                return redirect(url)
    return render(
        request,
        "homework/session_form.html",
        {
            "classroom": classroom,
            "session": session,
            "form": form,
            "formset": formset,
            "current": current,
            "files": list(session.files.all()) if session else [],
            "diary_url": diary_url(classroom, request=request),
        },
    )


@login_required
def session_new(request, classroom_id):
    classroom = classroom_or_404(request.user, classroom_id)
    if not rules.may_write(request.user, classroom):
        raise Http404
    return _edit(request, classroom, None)


@login_required
def session_edit(request, session_id):
    session, classroom = session_or_404(request.user, session_id)
    if not rules.may_write(request.user, classroom):
        raise Http404
    return _edit(request, classroom, session)


@login_required
@require_POST
def session_delete(request, session_id):
    session, classroom = session_or_404(request.user, session_id)
    if not rules.may_write(request.user, classroom):
        raise Http404
    day = session.date
    session.delete()
    messages.success(request, _("The session is deleted."))
    return redirect(diary_url(classroom, day, request))


def _taught_classes(user, classroom):
    """The classes this teacher teaches or taught (last year's too, while they keep their
    place in it): where a copy may come from. The portal's administrators copy within
    the school."""
    taught = ClassroomPage.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.TEACHER
    )
    if user.is_superuser:
        taught = ClassroomPage.objects.sibling_of(classroom)
    return list(taught.order_by("-school_year", "title"))


@login_required
def copy(request, classroom_id):
    """Copy a session, or a whole week, from this class or another the teacher taught."""
    classroom = classroom_or_404(request.user, classroom_id)
    if not rules.may_write(request.user, classroom):
        raise Http404
    classes = _taught_classes(request.user, classroom)
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = CopyForm(data, classes=classes, initial={"source": classroom.pk})
    if request.method != "POST":
        form.fields["target"].required = False  # asked once the week is shown
    sources = []
    if data is not None and form.is_valid():
        source_class = next(c for c in classes if c.pk == form.cleaned_data["source"])
        monday, sunday = services.week_range(form.cleaned_data["week"])
        sources = list(
            Session.objects.filter(classroom=source_class, date__range=(monday, sunday))
            .prefetch_related("links", "files", "items__pupils", "items__group")
            .order_by("date", "pk")
        )
        if request.method == "POST":
            chosen = form.cleaned_data.get("session")
            if chosen:
                sources = [s for s in sources if s.pk == chosen]
                if not sources:
                    raise Http404
            if not sources:
                form.add_error("week", _("There is no session in that week to copy."))
            else:
                report = services.copy_sessions(
                    sources, classroom, form.cleaned_data["target"], request.user
                )
                services.ensure_diary(classroom, request.user)
                messages.success(
                    request,
                    _("%(count)d session(s) copied: check them and save each one.")
                    % {"count": len(report.sessions)},
                )
                if report.dropped_links:
                    messages.warning(
                        request,
                        _(
                            "%(count)d link(s) to pages of the other class were left out: "
                            "they cannot be opened from this class."
                        )
                        % {"count": report.dropped_links},
                    )
                if report.widened_items:
                    messages.warning(
                        request,
                        _(
                            "%(count)d homework item(s) were for a group or pupils of the "
                            "other class: the copy is for the whole class, change it if needed."
                        )
                        % {"count": report.widened_items},
                    )
                first = report.sessions[0]
                return redirect("homework:session_edit", session_id=first.pk)
    return render(
        request,
        "homework/copy.html",
        {
            "classroom": classroom,
            "form": form,
            "sources": sources,
            "diary_url": diary_url(classroom, request=request),
        },
    )


@login_required
@require_POST
def tick(request, item_id):
    """The pupil ticks an item done, or unticks it (htmx, or a plain form without JS)."""
    item, classroom = item_or_404(request.user, item_id)
    if not rules.may_tick(request.user, item, classroom):
        raise Http404
    if request.POST.get("done") == "1":
        ItemDone.objects.get_or_create(item=item, pupil=request.user)
    else:
        ItemDone.objects.filter(item=item, pupil=request.user).delete()
    if request.htmx:
        shown = items_for(request.user.pk, HomeworkItem.objects.filter(pk=item.pk)).get()
        return render(request, "homework/includes/tick.html", {"item": shown})
    return redirect(diary_url(classroom, item.session.date, request))


@login_required
@require_safe
def session_file(request, file_id, name):
    """A file of a session, to the people of its class only."""
    row = SessionFile.objects.filter(pk=number(file_id)).select_related("session").first()
    if row is None or row.name != name:
        raise Http404
    session_or_404(request.user, row.session_id)
    return stored_upload_response(request, row, download=row.kind == SessionFile.Kind.DOCUMENT)


def file_url(row):
    return reverse("homework:file", kwargs={"file_id": row.pk, "name": row.name})
