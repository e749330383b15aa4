"""The director's rollover, from the school's management pages: upload next year's ONDE
file, look at the preview (classes closed and created, pupils moving and leaving, the
teachers of the new classes), apply it once, all or nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from enrolment.forms import ImportForm
from enrolment.onde import ParentRow, PupilRow
from enrolment.onde_upload_handler import CappedMemoryUploadHandler
from enrolment.permissions import directed_school_or_404

from .applying import apply_rollover
from .by_hand import ByHandForm
from .planning import RolloverError, build_rollover, current_year, year_after

# The rows read from the file, between the preview and applying it.
SESSION_KEY = "schoolyear_rollover"


class RolloverForm(ImportForm):
    """The ONDE import's files, without its year: a rollover always goes to the next."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("school_year", None)


def _context(school):
    from_year = current_year(school)
    return {
        "school": school,
        "can_direct": True,
        "from_year": from_year,
        "to_year": year_after(from_year) if from_year else "",
        "upload_url": reverse("schoolyear:rollover", kwargs={"school_id": school.pk}),
        "by_hand_url": reverse("schoolyear:rollover_by_hand", kwargs={"school_id": school.pk}),
    }


@csrf_exempt  # checked below, once the upload handlers are in place
@login_required
def rollover(request, school_id):
    school = directed_school_or_404(request.user, school_id)
    # Upload handlers can only be swapped before the body is read (as the ONDE import).
    request.upload_handlers = [CappedMemoryUploadHandler(request)]
    return csrf_protect(_rollover_preview)(request, school)


def _rollover_preview(request, school):
    context = _context(school)
    form = RolloverForm(request.POST or None, request.FILES or None)
    context["form"] = form
    if (
        request.method == "POST"
        and form.is_valid()
        and (preview := _preview(request, school, form, form.pupils, form.parents, context))
    ):
        return preview
    return render(request, "schoolyear/rollover_form.html", context)


@login_required
def rollover_by_hand(request, school_id):
    """The same preview without a file: next year's class and level of each class, and
    the pupils who leave, ticked."""
    school = directed_school_or_404(request.user, school_id)
    context = _context(school)
    form = ByHandForm(request.POST or None, school=school, from_year=context["from_year"])
    context["form"] = form
    if (
        request.method == "POST"
        and form.is_valid()
        and (preview := _preview(request, school, form, form.pupils, [], context))
    ):
        return preview
    return render(request, "schoolyear/rollover_by_hand.html", context)


def _preview(request, school, form, pupils, parents, context):
    """The preview of these rows, kept in the session for applying; None on a refusal
    (the form then says why)."""
    try:
        plan = build_rollover(school, pupils, parents, user=request.user)
    except RolloverError as error:
        form.add_error(None, str(error))
        return None
    request.session[SESSION_KEY] = {
        "school": school.pk,
        "fingerprint": plan.fingerprint,
        "pupils": [row.to_json() for row in pupils],
        "parents": [row.to_json() for row in parents],
    }
    context.update({"plan": plan, "classes": _classes(plan)})
    return render(request, "schoolyear/rollover_preview.html", context)


def _classes(plan):
    """Each of next year's classes with its index and the teacher proposed for it."""
    return [
        (index, class_plan, plan.teachers.get(index))
        for index, class_plan in enumerate(plan.new_classes)
    ]


@login_required
def rollover_apply(request, school_id):
    school = directed_school_or_404(request.user, school_id)
    context = _context(school)
    if request.method != "POST":
        return redirect(context["upload_url"])
    pending = request.session.get(SESSION_KEY)
    if not pending or pending["school"] != school.pk:
        messages.error(
            request, _("This preview is out of date. Choose the file again to see a new preview.")
        )
        return redirect(context["upload_url"])
    teachers = {}
    for key, value in request.POST.items():
        if key.startswith("teacher-") and value.isdigit():
            index = key.removeprefix("teacher-")
            if index.isdigit():
                teachers[int(index)] = int(value)
    try:
        result = apply_rollover(
            school,
            [PupilRow.from_json(row) for row in pending["pupils"]],
            [ParentRow.from_json(row) for row in pending["parents"]],
            user=request.user,
            fingerprint=request.POST.get("fingerprint", ""),
            teachers=teachers,
        )
    except RolloverError as error:
        messages.error(request, str(error))
        return redirect(context["upload_url"])
    del request.session[SESSION_KEY]
    context["result"] = result
    return render(request, "schoolyear/rollover_done.html", context)
