"""The teacher's side of an assignment in the front end: setting it, giving out its
topics, and gathering several texts into one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from classrooms import editor, uploads
from classrooms.models import PupilGroup, class_pupils

from . import rules, workshop
from .access import assignment_or_404, classroom_or_404, number
from .forms import AssignmentForm
from .models import Text, Topic, WritingAssignmentPage


@transaction.atomic
def _create(classroom, user, data, recording, photo):
    assignment = WritingAssignmentPage(
        title=data["title"],
        owner=user,
        instructions="".join(
            f"<p>{line}</p>" for line in (data["instructions"] or "").splitlines() if line.strip()
        ),
        due_on=data["due_on"],
        work_mode=data["work_mode"],
        topic_choice=data["topic_choice"],
        takers_per_topic=data["takers_per_topic"],
        assistants_may_mark=data["assistants_may_mark"],
    )
    if recording is not None:
        assignment.spoken_instruction = editor.store_recording(
            classroom, user, recording, data["title"]
        )
    if photo is not None:
        assignment.image = editor.store_photo(
            classroom, user, photo, data["photo_description"] or data["title"]
        )
    assignment.topics = [Topic(title=title) for title in data["topics"]]
    assignment.assigned_groups = list(data["groups"])
    assignment.assigned_pupils = list(data["pupils"])
    classroom.add_child(instance=assignment)
    assignment.save_revision(user=user, log_action=True).publish(user=user)
    return assignment


def _escaped_lines(form):
    from django.utils.html import escape

    form.cleaned_data["instructions"] = escape(form.cleaned_data["instructions"])


@login_required
def assignment_new(request, classroom_id):
    """A teacher sets a writing assignment from the class space."""
    classroom = classroom_or_404(request.user, classroom_id)
    if not rules.may_set(request.user, classroom):
        raise Http404
    form = AssignmentForm(request.POST or None, request.FILES or None, classroom=classroom)
    if request.method == "POST" and form.is_valid():
        recording = photo = None
        try:
            if uploaded := form.cleaned_data.get("recording"):
                recording = uploads.clean_recording(uploaded, "audio")
        except ValidationError as error:
            form.add_error("recording", error)
        try:
            if uploaded := form.cleaned_data.get("photo"):
                photo = uploads.clean_photo(uploaded)
        except ValidationError as error:
            form.add_error("photo", error)
        if not form.errors:
            _escaped_lines(form)
            assignment = _create(classroom, request.user, form.cleaned_data, recording, photo)
            messages.success(request, _("The assignment is set: the pupils can start writing."))
            return redirect(assignment.get_url(request))
    max_seconds = uploads.recording_limits("audio")[0]
    return render(
        request,
        "writing/assignment_form.html",
        {
            "form": form,
            "classroom": classroom,
            "recording_max_seconds": max_seconds,
            "recording_max_minutes": max_seconds // 60,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def assign_topic(request, assignment_id):
    """The teacher gives a pupil (or their group) a topic: their text starts with it."""
    assignment, classroom = assignment_or_404(request.user, assignment_id)
    if not rules.may_set(request.user, classroom):
        raise Http404
    topic = Topic.objects.filter(
        assignment=assignment, pk=number(request.POST.get("topic"))
    ).first()
    pupil = class_pupils(classroom).filter(pk=number(request.POST.get("pupil"))).first()
    if topic is None or pupil is None:
        raise Http404
    text = workshop.start_text(assignment, pupil)
    text.topic = topic
    text.title = text.title or topic.title
    text.save(update_fields=["topic", "title"])
    messages.success(request, _("“%(topic)s” is given.") % {"topic": topic.title})
    return redirect(assignment.get_url(request))


@login_required
@require_POST
def gather(request, assignment_id):
    """The teacher gathers the texts ticked into one, given to a group or to all their authors."""
    assignment, classroom = assignment_or_404(request.user, assignment_id)
    if not rules.may_set(request.user, classroom):
        raise Http404
    ids = [int(pk) for pk in request.POST.getlist("texts") if pk.isdigit()]
    texts = list(
        Text.objects.filter(assignment=assignment, pk__in=ids, gathered_into=None)
        .prefetch_related("authors")
        .order_by("created_at", "pk")
    )
    if len(texts) < 2:
        messages.error(request, _("Tick at least two texts to gather."))
        return redirect(assignment.get_url(request))
    group = None
    if request.POST.get("group"):
        group = PupilGroup.objects.filter(
            classroom=classroom, pk=number(request.POST["group"])
        ).first()
        if group is None:
            raise Http404
    gathered = workshop.gather(
        assignment, texts, request.user, group=group, title=request.POST.get("title", "")[:120]
    )
    messages.success(
        request,
        _(
            "The texts are gathered into one, each paragraph with who wrote it. "
            "Its authors can rework it."
        ),
    )
    return redirect("writing:text", text_id=gathered.pk)
