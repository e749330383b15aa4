"""The ONDE import for a school or one class: upload, preview what it would do, apply it
once, all or nothing."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from classrooms.permissions import school_of
from pages.permissions import can_direct_school

from .. import importer
from ..forms import ImportForm
from ..login_card_sheets import login_url
from ..onde import ParentRow, PupilRow
from ..onde_upload_handler import CappedMemoryUploadHandler
from ..permissions import directed_school_or_404, managed_classroom_or_404
from .shared import class_context, post_only

# One pending import per session: the rows read from the files, between preview and apply.
IMPORT_SESSION_KEY = "enrolment_import"
# Digests of the imports applied in this session, so a second click says so plainly.
APPLIED_SESSION_KEY = "enrolment_imports_applied"


@csrf_exempt  # checked below, once the upload handlers are in place
@login_required
def school_import(request, school_id):
    school = directed_school_or_404(request.user, school_id)
    return _import_upload(request, school, None)


@csrf_exempt  # checked below, once the upload handlers are in place
@login_required
def class_import(request, classroom_id):
    classroom = managed_classroom_or_404(request.user, classroom_id)
    return _import_upload(request, school_of(classroom), classroom)


def _import_upload(request, school, classroom):
    # Upload handlers can only be swapped before anything reads the request body, which
    # is why CSRF is checked here rather than by the middleware.
    request.upload_handlers = [CappedMemoryUploadHandler(request)]
    return csrf_protect(_import_preview)(request, school, classroom)


def _scope_context(request, school, classroom):
    if classroom is None:
        return {
            "school": school,
            "classroom": None,
            "can_direct": True,
            "apply_url": reverse("enrolment:import_apply", kwargs={"school_id": school.pk}),
            "upload_url": reverse("enrolment:import", kwargs={"school_id": school.pk}),
        }
    context = class_context(request, classroom, school)
    context.update(
        {
            "apply_url": reverse(
                "enrolment:class_import_apply", kwargs={"classroom_id": classroom.pk}
            ),
            "upload_url": reverse("enrolment:class_import", kwargs={"classroom_id": classroom.pk}),
        }
    )
    return context


def _import_preview(request, school, classroom):
    """Upload the files; if they read well, show what importing would do."""
    context = _scope_context(request, school, classroom)
    if request.method != "POST":
        context["form"] = ImportForm(classroom=classroom)
        return render(request, "enrolment/import_form.html", context)
    form = ImportForm(request.POST, request.FILES, classroom=classroom)
    context["form"] = form
    if form.is_valid():
        year = classroom.school_year if classroom else form.cleaned_data["school_year"]
        label = form.cleaned_data.get("class_label", "").strip()
        try:
            plan = importer.build_plan(
                school,
                year,
                form.pupils,
                form.parents,
                classroom=classroom,
                class_label=label or None,
                link_existing=can_direct_school(request.user, school),
                user=request.user,
            )
        except importer.PlanError as error:
            form.add_error("class_label" if classroom else None, str(error))
        else:
            digest = hashlib.sha256()
            for part in (form.pupils_data, form.parents_data):
                digest.update(hashlib.sha256(part).digest())
            digest.update(f"{school.pk}|{classroom and classroom.pk}|{year}|{label}".encode())
            digest = digest.hexdigest()
            request.session[IMPORT_SESSION_KEY] = {
                "digest": digest,
                "school": school.pk,
                "classroom": classroom.pk if classroom else None,
                "year": year,
                "label": label,
                "pupils": [row.to_json() for row in form.pupils],
                "parents": [row.to_json() for row in form.parents],
            }
            context.update({"plan": plan, "totals": plan.totals, "digest": digest})
            return render(request, "enrolment/import_preview.html", context)
    return render(request, "enrolment/import_form.html", context)


@login_required
def school_import_apply(request, school_id):
    school = directed_school_or_404(request.user, school_id)
    return _import_apply(request, school, None)


@login_required
def class_import_apply(request, classroom_id):
    classroom = managed_classroom_or_404(request.user, classroom_id)
    return _import_apply(request, school_of(classroom), classroom)


def _import_apply(request, school, classroom):
    """Apply the previewed import, all or nothing, once."""
    if refused := post_only(request):
        return refused
    context = _scope_context(request, school, classroom)
    digest = request.POST.get("digest", "")
    applied = request.session.get(APPLIED_SESSION_KEY, [])
    pending = request.session.get(IMPORT_SESSION_KEY)
    if digest and digest in applied:
        messages.info(request, _("This import was already applied: nothing was done twice."))
        return redirect(context["upload_url"])
    if (
        not pending
        or pending["digest"] != digest
        or pending["school"] != school.pk
        or pending["classroom"] != (classroom.pk if classroom else None)
    ):
        messages.error(
            request,
            _("This preview is out of date. Choose the files again to see a new preview."),
        )
        return redirect(context["upload_url"])
    pupils = [PupilRow.from_json(row) for row in pending["pupils"]]
    parents = [ParentRow.from_json(row) for row in pending["parents"]]
    try:
        result = importer.apply_plan(
            school,
            pending["year"],
            pupils,
            parents,
            user=request.user,
            classroom=classroom,
            class_label=pending["label"] or None,
            link_existing=can_direct_school(request.user, school),
        )
    except importer.PlanError as error:
        messages.error(request, str(error))
        return redirect(context["upload_url"])
    del request.session[IMPORT_SESSION_KEY]
    request.session[APPLIED_SESSION_KEY] = [*applied[-9:], digest]
    context.update(
        {
            "result": result,
            "totals": result.totals,
            "new_accounts": [
                (room, accounts)
                for room, accounts in result.new_accounts.items()
                if accounts["pupils"] or accounts["parents"]
            ],
            "new_classes": result.created_classes,
            "login_url": login_url(request),
        }
    )
    return render(request, "enrolment/import_done.html", context)
