"""The adults' side of messaging: their e-mail choice, their classes' rules and charter,
the staff a director opens to families, the pupils' conversations they supervise, and
the reports that reached them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import supervision
from .access import number
from .forms import ClassRulesForm
from .models import ClassMessaging, OpenToParents, Report
from .naming import names_of


def _class_forms(request, classes):
    found = {
        rules.classroom_id: rules for rules in ClassMessaging.objects.filter(classroom__in=classes)
    }
    result = []
    for classroom in classes:
        instance = found.get(classroom.pk) or ClassMessaging(classroom=classroom)
        bound = request.method == "POST" and request.POST.get("classe") == str(classroom.pk)
        result.append(
            (
                classroom,
                ClassRulesForm(
                    request.POST if bound else None, instance=instance, prefix=f"c{classroom.pk}"
                ),
            )
        )
    return result


@login_required
@never_cache
def settings_view(request):
    """Class rules for teachers; open staff for directors. E-mails about messages are
    chosen with the other notifications (a link to notifications:preferences)."""
    user = request.user
    classes = supervision.supervised_classes_of(user)
    class_forms = _class_forms(request, classes)
    schools = supervision.directed_schools(user)
    if request.method == "POST":
        what = request.POST.get("quoi")
        if what == "classe":
            for classroom, form in class_forms:
                if form.is_bound:
                    if form.is_valid():
                        form.save()
                        messages.success(
                            request,
                            _("The rules of %(class)s are saved.") % {"class": classroom.title},
                        )
                        return redirect("messaging:settings")
                    break
            else:
                raise Http404
        if what == "ecole":
            school = next((s for s in schools if str(s.pk) == request.POST.get("ecole")), None)
            if school is None:
                raise Http404
            allowed = {p.pk for p in supervision.school_staff_choices(school)}
            chosen = {number(v) for v in request.POST.getlist("ouverts")}
            if not chosen <= allowed:
                raise Http404
            OpenToParents.objects.filter(school=school).exclude(user_id__in=chosen).delete()
            for user_id in chosen:
                OpenToParents.objects.get_or_create(school=school, user_id=user_id)
            messages.success(
                request,
                _("The families of %(school)s may write to the staff you chose.")
                % {"school": school.title},
            )
            return redirect("messaging:settings")
    school_choices = []
    for school in schools:
        opened = set(OpenToParents.objects.filter(school=school).values_list("user_id", flat=True))
        staff = list(supervision.school_staff_choices(school))
        names = names_of(staff)
        school_choices.append(
            (school, [(person.pk, names[person.pk], person.pk in opened) for person in staff])
        )
    return render(
        request,
        "messaging/settings.html",
        {
            "with_email": bool(user.email) and not supervision_is_pupil(user),
            "class_forms": class_forms,
            "school_choices": school_choices,
        },
        status=400 if request.method == "POST" else 200,
    )


def supervision_is_pupil(user):
    from .rules import pupil_ids_among

    return bool(pupil_ids_among([user.pk]))


@login_required
@never_cache
def supervised(request, classroom_id):
    """The conversations between pupils of a class its teachers may read."""
    classroom = next(
        (
            c
            for c in supervision.supervised_classes_of(request.user)
            if c.pk == number(classroom_id)
        ),
        None,
    )
    if classroom is None:
        raise Http404
    conversations = list(supervision.pupils_conversations(classroom)[:200])
    everyone = {p.user_id: p.user for c in conversations for p in c.participants.all()}
    names = names_of(everyone.values())
    rows = [(c, [names[p.user_id] for p in c.participants.all()]) for c in conversations]
    return render(request, "messaging/supervised.html", {"classroom": classroom, "rows": rows})


@login_required
@never_cache
def reports(request):
    """The reports that reached this person, waiting ones first."""
    found = list(
        Report.objects.filter(handlers=request.user)
        .select_related("message", "message__author", "message__conversation", "reported_by")
        .prefetch_related("message__attachments")
        .order_by("handled_at", "-created_at")[:200]
    )
    people = [r.message.author for r in found] + [r.reported_by for r in found]
    names = names_of(people)
    for report in found:
        report.reporter_name = names[report.reported_by_id]
        report.author_name = names[report.message.author_id]
    return render(request, "messaging/reports.html", {"reports": found})


@login_required
@require_POST
def report_handled(request, report_id):
    report = Report.objects.filter(pk=number(report_id), handlers=request.user).first()
    if report is None:
        raise Http404
    if report.handled_at is None:
        report.handled_at = timezone.now()
        report.handled_by = request.user
        report.save(update_fields=["handled_at", "handled_by"])
    messages.success(request, _("The report is marked as handled."))
    return redirect("messaging:reports")
