"""The builder's pages: create, the list of items, one form per item, settings, preview,
publish. Every view starts from `exercise_or_404` / the class: a person who may not
build the class's exercises (rules.may_build) gets 404 on each of them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from classrooms import editor, uploads
from classrooms.views import classroom_or_404

from .. import attempts, rules
from ..models import ExercisePage
from . import body
from .forms import NewExerciseForm
from .item_forms import KIND_LABELS, RECORDED_KINDS, form_for
from .settings_form import SettingsForm

OUTDATED = _(
    "The exercise was changed meanwhile (in another tab or by a colleague): your change "
    "was not saved. What you typed is below; check the exercise, then save again."
)


def exercise_or_404(user, exercise_id):
    """The exercise (live or draft) and its class, for someone who may build it."""
    exercise = ExercisePage.objects.filter(pk=exercise_id).first()
    if exercise is None:
        raise Http404
    classroom = classroom_or_404(user, rules.classroom_of(exercise).pk)
    if not rules.may_build(user, classroom):
        raise Http404
    return exercise, classroom


def builder_url(exercise):
    return reverse("exercises:builder", kwargs={"exercise_id": exercise.pk})


def _recorder_context():
    seconds = uploads.recording_limits("audio")[0]
    return {"recording_max_seconds": seconds, "recording_max_minutes": max(1, seconds // 60)}


@login_required
def new(request, classroom_id):
    """A title, and the exercise exists as a draft: its items are added next."""
    classroom = classroom_or_404(request.user, classroom_id)
    if not rules.may_build(request.user, classroom):
        raise Http404
    form = NewExerciseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        title = form.cleaned_data["title"]
        exercise = ExercisePage(
            title=title,
            slug=classroom.free_slug(title, "exercice"),
            owner=request.user,
            live=False,
        )
        classroom.add_child(instance=exercise)
        exercise.save_revision(user=request.user, log_action=True)
        messages.success(request, _("The exercise is created: add its instructions and questions."))
        return redirect(builder_url(exercise))
    return render(
        request,
        "exercises/builder/new.html",
        {"form": form, "classroom": classroom},
        status=400 if form.errors else 200,
    )


@login_required
def builder(request, exercise_id):
    exercise, classroom = exercise_or_404(request.user, exercise_id)
    page = body.draft_of(exercise)
    items = []
    for child in page.body:
        items.append({"child": child, "kind_label": KIND_LABELS.get(child.block_type, "")})
    return render(
        request,
        "exercises/builder/builder.html",
        {
            "exercise": exercise,
            "page": page,
            "classroom": classroom,
            "items": items,
            "kinds": KIND_LABELS.items(),
            "question_count": len(attempts.questions(page)),
            "base_revision": exercise.latest_revision_id,
        },
    )


RECORDING_NOT_KEPT = _(
    "The recording sent with it was not saved, as the form had a mistake: record it again "
    "(or choose the file again) before saving."
)


def _item_page(request, exercise, classroom, form, item_id=None, status=200):
    if form.errors and request.FILES.get("recording") and "recording" not in form.errors:
        # A browser cannot put a file back in a form: say so, never lose it silently.
        form.add_error("recording", RECORDING_NOT_KEPT)
    return render(
        request,
        "exercises/builder/item_form.html",
        {
            "exercise": exercise,
            "classroom": classroom,
            "form": form,
            "kind_label": KIND_LABELS[form.kind],
            "recorded": form.kind in RECORDED_KINDS,
            "item_id": item_id,
            **_recorder_context(),
        },
        status=status,
    )


def _store_recording(form, classroom, user, exercise):
    recording = form.cleaned_data.get("recording")
    if recording is None:
        return None
    title = f"{exercise.title} · {KIND_LABELS[form.kind]}"
    return editor.store_recording(classroom, user, recording, title).pk


def _save_item(request, exercise, classroom, form, item_id=None):
    """Store the recording, then the item, in a new revision; the page to show next."""
    base = form.cleaned_data.get("base_revision")

    def change(items):
        audio_id = _store_recording(form, classroom, request.user, exercise)
        value = form.block_value(audio_id)
        if item_id is None:
            return [*items, body.new_item(form.kind, value)]
        for item in items:
            if item["id"] == item_id:
                item["value"] = value
        return items

    try:
        body.save_items(exercise, request.user, base, change)
    except body.OutdatedRevision:
        form.add_error(None, OUTDATED)
        form.data = form.data.copy()
        form.data["base_revision"] = exercise.latest_revision_id
        return _item_page(request, exercise, classroom, form, item_id, status=409)
    except ValidationError as error:
        form.add_error(None, error)
        return _item_page(request, exercise, classroom, form, item_id, status=400)
    messages.success(request, _("Saved as a draft: pupils see it once you give it to the class."))
    return redirect(builder_url(exercise))


@login_required
def add_item(request, exercise_id, kind):
    exercise, classroom = exercise_or_404(request.user, exercise_id)
    if kind not in KIND_LABELS:
        raise Http404
    form = form_for(
        kind,
        request.POST or None,
        request.FILES or None,
        initial={"base_revision": exercise.latest_revision_id},
    )
    if request.method == "POST" and form.is_valid():
        return _save_item(request, exercise, classroom, form)
    return _item_page(request, exercise, classroom, form, status=400 if form.errors else 200)


def _item_or_404(exercise, item_id):
    for item in body.items_of(body.draft_of(exercise)):
        if item["id"] == item_id:
            return item
    raise Http404


@login_required
def edit_item(request, exercise_id, item_id):
    exercise, classroom = exercise_or_404(request.user, exercise_id)
    item = _item_or_404(exercise, item_id)
    if item["type"] not in KIND_LABELS:
        raise Http404  # an embedded activity: edited in the admin
    form = form_for(
        item["type"],
        request.POST or None,
        request.FILES or None,
        value=item["value"],
        initial={"base_revision": exercise.latest_revision_id},
    )
    if request.method == "POST" and form.is_valid():
        return _save_item(request, exercise, classroom, form, item_id)
    return _item_page(
        request, exercise, classroom, form, item_id, status=400 if form.errors else 200
    )


def _base(request):
    value = request.POST.get("base_revision", "")
    return int(value) if value.isdigit() else None


@login_required
@require_POST
def delete_item(request, exercise_id, item_id):
    exercise, classroom = exercise_or_404(request.user, exercise_id)
    _item_or_404(exercise, item_id)
    try:
        body.save_items(
            exercise,
            request.user,
            _base(request),
            lambda items: [item for item in items if item["id"] != item_id],
        )
    except body.OutdatedRevision:
        messages.error(request, OUTDATED)
    else:
        messages.success(request, _("Removed from the draft."))
    return redirect(builder_url(exercise))


@login_required
@require_POST
def move_item(request, exercise_id, item_id):
    exercise, classroom = exercise_or_404(request.user, exercise_id)
    _item_or_404(exercise, item_id)
    step = -1 if request.POST.get("direction") == "up" else 1

    def change(items):
        index = next(i for i, item in enumerate(items) if item["id"] == item_id)
        other = index + step
        if 0 <= other < len(items):
            items[index], items[other] = items[other], items[index]
        return items

    try:
        body.save_items(exercise, request.user, _base(request), change)
    except body.OutdatedRevision:
        messages.error(request, OUTDATED)
    return redirect(f"{builder_url(exercise)}#item-{item_id}")


@login_required
def settings(request, exercise_id):
    exercise, classroom = exercise_or_404(request.user, exercise_id)
    page = body.draft_of(exercise)
    form = SettingsForm(
        request.POST or None,
        classroom=classroom,
        page=page,
        initial={"base_revision": exercise.latest_revision_id},
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            body.save_settings(
                exercise, request.user, form.cleaned_data["base_revision"], form.apply
            )
        except body.OutdatedRevision:
            form.add_error(None, OUTDATED)
            form.data = form.data.copy()
            form.data["base_revision"] = exercise.latest_revision_id
            status = 409
        else:
            messages.success(request, _("The settings are saved in the draft."))
            return redirect(builder_url(exercise))
    elif form.errors:
        status = 400
    return render(
        request,
        "exercises/builder/settings.html",
        {"exercise": exercise, "classroom": classroom, "form": form},
        status=status,
    )


@login_required
def preview(request, exercise_id):
    """The latest draft as a pupil sees it, every question on one page; nothing is sent
    nor recorded (the questions are not in a form)."""
    exercise, classroom = exercise_or_404(request.user, exercise_id)
    page = body.draft_of(exercise)
    return render(
        request,
        "exercises/builder/preview.html",
        {
            "exercise": exercise,
            "page": page,
            "classroom": classroom,
            "questions": attempts.questions(page),
        },
    )


@login_required
@require_POST
def publish(request, exercise_id):
    exercise, classroom = exercise_or_404(request.user, exercise_id)
    if _base(request) != exercise.latest_revision_id:
        messages.error(request, OUTDATED)
        return redirect(builder_url(exercise))
    if not body.publish(exercise, request.user):
        messages.error(
            request,
            _(
                "Add at least one question (or an activity) before giving it to the class: "
                "an exercise with only instructions gives the pupils nothing to do."
            ),
        )
        return redirect(builder_url(exercise))
    messages.success(request, _("The exercise is given to the class."))
    return redirect(exercise.get_url(request))
