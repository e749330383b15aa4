"""Doing exercises and reading their results, in the front end.

Every view answers 404 to anyone who may not see the class (anonymous visitors are sent
to log in), and to pupils an exercise is not set for; results are the class's staff's,
a pupil's own and a parent's child's.
"""

from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from classrooms.models import Membership
from classrooms.permissions import can_view_classroom

from . import attempts, cached_attempts, rules, spreadsheet
from .corrections import answer_in_words, right_answer
from .h5p.views import PLAYER_CSP
from .models import Attempt, CorrectionTiming, ExercisePage

CSV_NAME = "resultats-{slug}.csv"


def exercise_or_404(user, exercise_id):
    exercise = ExercisePage.objects.live().filter(pk=exercise_id).first()
    if exercise is None:
        raise Http404
    classroom = rules.classroom_of(exercise)
    if not can_view_classroom(user, classroom):
        raise Http404
    return exercise, classroom


def attempt_or_404(user, attempt_id):
    attempt = get_object_or_404(
        Attempt.objects.select_related("exercise", "pupil", "partner", "revision"), pk=attempt_id
    )
    classroom = rules.classroom_of(attempt.exercise)
    credited = [person for person in (attempt.pupil, attempt.partner) if person is not None]
    if not (
        can_view_classroom(user, classroom)
        and any(rules.may_see_results_of(user, person, classroom) for person in credited)
    ):
        raise Http404
    return attempt, classroom


@login_required
@require_POST
def start(request, exercise_id):
    exercise, classroom = exercise_or_404(request.user, exercise_id)
    if not (rules.works_here(request.user, classroom) and rules.is_for(exercise, request.user)):
        raise Http404
    finished = Attempt.objects.filter(
        attempts.done_by(request.user), exercise=exercise, finished_at__isnull=False
    ).count()
    under_way = Attempt.objects.filter(
        exercise=exercise, pupil=request.user, finished_at__isnull=True
    ).exists()
    left = rules.attempts_left(exercise, finished)
    partner = None if under_way else _partner_or_404(request, exercise, classroom)
    if not under_way and exercise.in_pairs and partner is None:
        messages.error(
            request,
            _("This exercise is done in pairs: choose the classmate you do it with."),
        )
        return redirect(exercise.get_url(request))
    # An exercise without a question would end at once, "0 out of 0", an attempt used up.
    nothing_to_do = not attempts.questions(exercise)
    if not under_way and nothing_to_do:
        messages.error(request, _("There is nothing to answer in this exercise yet."))
        return redirect(exercise.get_url(request))
    if not under_way and (not rules.is_open(exercise) or left == 0):
        messages.error(request, _("This exercise cannot be started now."))
        return redirect(exercise.get_url(request))
    if (
        partner is not None
        and rules.attempts_left(
            exercise,
            Attempt.objects.filter(
                attempts.done_by(partner), exercise=exercise, finished_at__isnull=False
            ).count(),
        )
        == 0
    ):
        messages.error(
            request,
            _("%(name)s has used all their attempts: choose another classmate, or do it alone.")
            % {"name": partner.display_name},
        )
        return redirect(exercise.get_url(request))
    attempt = attempts.start_or_resume(exercise, request.user, partner=partner)
    return redirect("exercises:attempt", attempt_id=attempt.pk)


def _partner_or_404(request, exercise, classroom):
    """The classmate chosen to do the exercise with (none: alone). Only a pupil of the
    same class the exercise is set for; anything else is a forged request. Only an
    exercise set "to do in pairs" is done with someone: elsewhere the choice is ignored."""
    chosen = request.POST.get("partner", "")
    if not chosen or not exercise.in_pairs:
        return None
    if not chosen.isdigit() or int(chosen) == request.user.pk:
        raise Http404
    partner = (
        get_user_model()
        .objects.filter(
            pk=int(chosen),
            is_active=True,
            memberships__classroom=classroom,
            memberships__role=Membership.Role.PUPIL,
        )
        .first()
    )
    if partner is None or not rules.is_for(exercise, partner):
        raise Http404
    return partner


@login_required
@csp_update(PLAYER_CSP)
def attempt_view(request, attempt_id):
    """One question per screen; the answer is marked and saved before the next one."""
    attempt, classroom = attempt_or_404(request.user, attempt_id)
    if attempt.pupil_id != request.user.pk:
        raise Http404
    if attempt.finished_at:
        return redirect("exercises:result", attempt_id=attempt.pk)
    if not rules.works_here(request.user, classroom):
        # An attempt left under way when the class closed stays as it was.
        return redirect(attempt.exercise.get_url(request))
    version = attempts.version_of(attempt)
    all_questions = attempts.questions(version)
    # The correction of an answered question, only if the teacher chose to show it after
    # each question: otherwise it waits for the end of the attempt.
    shown_correction = request.GET.get("correction")
    if version.correction_timing != CorrectionTiming.AFTER_EACH:
        shown_correction = None
    if shown_correction and shown_correction in attempt.answers:
        question = next((q for q in all_questions if str(q.id) == shown_correction), None)
        if question is not None:
            recorded = attempt.answers[shown_correction]
            return render(
                request,
                "exercises/correction.html",
                {
                    "attempt": attempt,
                    "exercise": version,
                    "current": question,
                    "recorded": recorded,
                    "right": right_answer(question, attempts.seed_for(attempt, question), recorded),
                    "total": len(all_questions),
                },
            )
    question = attempts.current_question(attempt, all_questions)
    if question is None:
        attempts.finish(attempt, all_questions)
        return redirect("exercises:result", attempt_id=attempt.pk)
    if request.method == "POST":
        if request.POST.get("question") == str(question.id):
            attempts.record_answer(attempt, question, request.POST)
            if version.correction_timing == CorrectionTiming.AFTER_EACH:
                url = reverse("exercises:attempt", kwargs={"attempt_id": attempt.pk})
                return redirect(f"{url}?correction={question.id}")
        return redirect("exercises:attempt", attempt_id=attempt.pk)
    return render(
        request,
        "exercises/question.html",
        {
            "attempt": attempt,
            "exercise": version,
            "current": question,
            "question_html": attempts.render_question(question, attempt, request),
            "total": len(all_questions),
        },
    )


def marked_questions(attempt):
    version = attempts.version_of(attempt)
    rows = []
    for question in attempts.questions(version):
        recorded = attempt.answers.get(str(question.id))
        seed = attempts.seed_for(attempt, question)
        rows.append(
            {
                "question": question,
                "recorded": recorded,
                "given": answer_in_words(question, seed, recorded),
                "right": right_answer(question, seed, recorded),
            }
        )
    return version, rows


@login_required
def result(request, attempt_id):
    attempt, classroom = attempt_or_404(request.user, attempt_id)
    staff = rules.sees_results_of_class(request.user, classroom)
    if not attempt.finished_at and not staff:
        # The right answers of an attempt under way: its pupil goes on, nobody else reads.
        if attempt.pupil_id == request.user.pk:
            return redirect("exercises:attempt", attempt_id=attempt.pk)
        raise Http404
    version, rows = marked_questions(attempt)
    if request.method == "POST" and staff:
        attempt.teacher_comment = request.POST.get("comment", "")[:2000].strip()
        attempt.save(update_fields=["teacher_comment"])
        messages.success(request, _("Your comment is saved; the pupil and their family read it."))
        return redirect("exercises:result", attempt_id=attempt.pk)
    return render(
        request,
        "exercises/result.html",
        {
            "attempt": attempt,
            "exercise": version,
            "rows": rows,
            "staff": staff,
            "classroom": classroom,
            "encouragement": encouragement(attempt)
            if attempt.finished_at and request.user.pk in (attempt.pupil_id, attempt.partner_id)
            else "",
        },
    )


def encouragement(attempt) -> str:
    """What a pupil reads at the end of their attempt: never only a score."""
    share = attempt.score or 0
    if share >= 0.8:
        return _("Well done! You can be proud of your work.")
    if share >= 0.5:
        return _("Good work! Read the corrections, then try again if you can.")
    return _("You are learning: read the corrections with your teacher, you will do better.")


def results_table(exercise, classroom):
    """Pupils the exercise is for × questions, from each pupil's latest finished attempt.

    A fixed number of queries, whatever the number of pupils and questions.
    """
    all_questions = attempts.questions(exercise)
    pupils = list(
        get_user_model()
        .objects.filter(memberships__classroom=classroom, memberships__role=Membership.Role.PUPIL)
        .order_by("first_name", "last_name")
    )
    exercise_for = [pupil for pupil in pupils if rules.is_for(exercise, pupil)]
    finished = cached_attempts.finished_attempts(exercise)
    latest, counts = {}, {}
    for attempt in finished:
        for person in {attempt.pupil_id, attempt.partner_id} - {None}:  # both are credited
            latest[person] = attempt
            counts[person] = counts.get(person, 0) + 1
    rows = []
    for pupil in exercise_for:
        attempt = latest.get(pupil.pk)
        cells = []
        for question in all_questions:
            recorded = attempt.answers.get(str(question.id)) if attempt else None
            cells.append(recorded)
        seconds = (
            round((attempt.finished_at - attempt.started_at).total_seconds()) if attempt else None
        )
        rows.append(
            {
                "pupil": pupil,
                "attempt": attempt,
                "cells": cells,
                "attempts": counts.get(pupil.pk, 0),
                "seconds": seconds,
            }
        )
    return all_questions, rows


@login_required
def results(request, exercise_id):
    exercise, classroom = exercise_or_404(request.user, exercise_id)
    if not rules.sees_results_of_class(request.user, classroom):
        raise Http404
    all_questions, rows = results_table(_prefetched(exercise), classroom)
    return render(
        request,
        "exercises/results.html",
        {"exercise": exercise, "classroom": classroom, "questions": all_questions, "rows": rows},
    )


def _prefetched(exercise):
    from django.db.models import prefetch_related_objects

    prefetch_related_objects([exercise], "assigned_pupils", "assigned_groups__pupils")
    return exercise


@login_required
def results_csv(request, exercise_id):
    exercise, classroom = exercise_or_404(request.user, exercise_id)
    if not rules.sees_results_of_class(request.user, classroom):
        raise Http404
    all_questions, rows = results_table(_prefetched(exercise), classroom)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{CSV_NAME.format(slug=exercise.slug)}"'
    )
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # spreadsheet programs then read the accents right
    writer = spreadsheet.Writer(response, delimiter=";")
    writer.writerow(
        [_("Pupil"), _("Attempts"), _("Points"), _("Out of"), _("Time (seconds)")]
        + [_("Question %(number)s") % {"number": q.number} for q in all_questions]
    )
    for row in rows:
        attempt = row["attempt"]
        writer.writerow(
            [
                row["pupil"].display_name,
                row["attempts"],
                _number(attempt.points) if attempt else "",
                _number(attempt.max_points) if attempt else "",
                row["seconds"] if row["seconds"] is not None else "",
            ]
            + [_number(cell["points"]) if cell else "" for cell in row["cells"]]
        )
    return response


def _number(value):
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


@login_required
def pupil_results(request, classroom_id, pupil_id):
    """All the exercises of a class for one pupil: for the staff, the pupil and a parent."""
    from classrooms.views import classroom_or_404

    classroom = classroom_or_404(request.user, classroom_id)
    pupil = get_object_or_404(
        get_user_model(),
        pk=pupil_id,
        memberships__classroom=classroom,
        memberships__role=Membership.Role.PUPIL,
    )
    if not rules.may_see_results_of(request.user, pupil, classroom):
        raise Http404
    exercises = list(
        ExercisePage.objects.child_of(classroom).live().order_by("-first_published_at")
    )
    finished = Attempt.objects.filter(
        attempts.done_by(pupil), exercise__in=exercises, finished_at__isnull=False
    ).order_by("finished_at")
    latest, counts = {}, {}
    for attempt in finished:
        latest[attempt.exercise_id] = attempt
        counts[attempt.exercise_id] = counts.get(attempt.exercise_id, 0) + 1
    rows = [
        (exercise, latest.get(exercise.pk), counts.get(exercise.pk, 0)) for exercise in exercises
    ]
    return render(
        request,
        "exercises/pupil_results.html",
        {"classroom": classroom, "pupil": pupil, "rows": rows},
    )
