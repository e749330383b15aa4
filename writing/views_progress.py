"""Progress per kind of mark, and the class's legend.

A pupil sees their own marks counted draft by draft and over the year; a parent their
child's; the class's staff the class's totals per kind (to group pupils who need the
same lesson) and per pupil, as a page and as CSV. The legend is the teachers'."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import modelformset_factory
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from classrooms.models import class_pupils

from . import legend, progress, rules
from .access import classroom_or_404
from .forms import ErrorTypeForm
from .models import ErrorType


def _bars(counts, kinds):
    """(kind, css class, count, width) for a small bar chart: the width in tenths of the
    largest count, drawn by the stylesheet's w-0 to w-100 classes (no inline style)."""
    top = max([counts.get(kind.pk, 0) for kind in kinds] + [1])
    return [
        (
            kind,
            legend.css_class_of(kind),
            counts.get(kind.pk, 0),
            10 * round(10 * counts.get(kind.pk, 0) / top),
        )
        for kind in kinds
    ]


@login_required
def pupil_progress(request, classroom_id, pupil_id):
    classroom = classroom_or_404(request.user, classroom_id)
    if not rules.may_see_progress_of(request.user, pupil_id, classroom):
        raise Http404
    pupil = class_pupils(classroom).filter(pk=pupil_id).first()
    if pupil is None:
        raise Http404
    kinds = legend.legend_of(classroom)
    found = progress.class_progress(classroom, pupil_ids={pupil.pk})
    drafts = [
        {"draft": row.draft, "bars": _bars(row.counts, kinds), "total": sum(row.counts.values())}
        for row in found.drafts.get(pupil.pk, [])
    ]
    return render(
        request,
        "writing/pupil_progress.html",
        {
            "classroom": classroom,
            "pupil": pupil,
            "is_self": pupil.pk == request.user.pk,
            "kinds": [(kind, legend.css_class_of(kind)) for kind in kinds],
            "year": _bars(found.per_pupil.get(pupil.pk, {}), kinds),
            "drafts": drafts,
        },
    )


def _class_rows(classroom):
    kinds = legend.legend_of(classroom)
    found = progress.class_progress(classroom)
    pupils = list(class_pupils(classroom))
    rows = [
        (pupil, [found.per_pupil.get(pupil.pk, {}).get(kind.pk, 0) for kind in kinds])
        for pupil in pupils
    ]
    return kinds, found, rows


@login_required
def class_progress(request, classroom_id):
    classroom = classroom_or_404(request.user, classroom_id)
    if not rules.is_staff(request.user, classroom):
        raise Http404
    kinds, found, rows = _class_rows(classroom)
    return render(
        request,
        "writing/class_progress.html",
        {
            "classroom": classroom,
            "kinds": [(kind, legend.css_class_of(kind)) for kind in kinds],
            "totals": _bars(found.totals, kinds),
            "rows": rows,
        },
    )


@login_required
def class_progress_csv(request, classroom_id):
    classroom = classroom_or_404(request.user, classroom_id)
    if not rules.is_staff(request.user, classroom):
        raise Http404
    kinds, found, rows = _class_rows(classroom)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(classroom.title) or "classe"
    response["Content-Disposition"] = f'attachment; filename="marques-{name}.csv"'
    response.write("\ufeff")  # spreadsheets then read the accents right
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Pupil"), *[kind.name for kind in kinds], _("Total")])
    for pupil, counts in rows:
        writer.writerow([pupil.get_full_name() or pupil.display_name, *counts, sum(counts)])
    writer.writerow(
        [_("Class"), *[found.totals.get(kind.pk, 0) for kind in kinds], sum(found.totals.values())]
    )
    return response


@login_required
def legend_edit(request, classroom_id):
    """The class's teachers rename, recolour, add to or switch off its kinds of marks."""
    classroom = classroom_or_404(request.user, classroom_id)
    if not rules.may_set(request.user, classroom):
        raise Http404
    legend.legend_of(classroom)  # the defaults, the first time
    FormSet = modelformset_factory(ErrorType, form=ErrorTypeForm, extra=1, can_delete=False)
    queryset = ErrorType.objects.filter(classroom=classroom)
    formset = FormSet(
        request.POST or None,
        queryset=queryset,
        form_kwargs={"classroom": classroom},
        prefix="kinds",
    )
    if request.method == "POST" and formset.is_valid():
        for order, form in enumerate(formset.forms):
            if not form.has_changed() and form.instance.pk is None:
                continue
            kind = form.save(commit=False)
            kind.classroom = classroom
            if kind.pk is None:
                kind.sort_order = len(queryset) + order
            kind.save()
            form.save_m2m()
        messages.success(request, _("The colour code of the class is saved."))
        return redirect("writing:legend", classroom_id=classroom.pk)
    return render(
        request,
        "writing/legend.html",
        {"classroom": classroom, "formset": formset, "colours": legend.COLOURS},
        status=400 if formset.is_bound else 200,
    )
