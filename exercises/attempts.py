"""Doing an exercise: its questions in the version shown, each marked as it is answered.

Answers are saved question by question, so a closed tab or a lost network costs at most
the question on screen: the next visit resumes at the first unanswered question.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .blocks import ExerciseBodyBlock
from .models import Attempt
from .questions import QuestionBlock

# The blocks pupils answer; instructions and embedded activities are shown on the
# exercise's page instead.
QUESTION_TYPES = frozenset(
    name
    for name, block in ExerciseBodyBlock.base_blocks.items()
    if isinstance(block, QuestionBlock)
)


@dataclass(frozen=True)
class Question:
    number: int  # from 1
    child: object  # the StreamChild: .id, .block, .value, .block_type

    @property
    def id(self):
        return self.child.id


def version_of(attempt):
    """The exercise as the pupil saw it when the attempt started."""
    if attempt.revision_id:
        return attempt.revision.as_object()
    return attempt.exercise


def questions(exercise):
    children = [child for child in exercise.body if child.block_type in QUESTION_TYPES]
    return [Question(number, child) for number, child in enumerate(children, start=1)]


def seed_for(attempt, question) -> int:
    """Each question of an attempt draws its own order and operations, the same each time."""
    digits = "".join(c for c in str(question.id) if c in "0123456789abcdef")[:8] or "0"
    return (attempt.seed + int(digits, 16)) % (2**31)


def current_question(attempt, all_questions):
    for question in all_questions:
        if str(question.id) not in attempt.answers:
            return question
    return None


def render_question(question, attempt, request):
    return question.child.block.render(
        question.child.value,
        context={
            "question_prefix": "q",
            "question_seed": seed_for(attempt, question),
            "request": request,
            "attempt": attempt,
            "question_id": str(question.id),
        },
    )


@transaction.atomic
def record_answer(attempt, question, post_data):
    """Mark the answer to one question and save it with the attempt."""
    return save_answer(attempt, question, question.child.block.answer_from_post(post_data, "q"))


def save_answer(attempt, question, answer):
    """Mark an answer (as `answer_from_post` or an H5P report gives it) and save it."""
    block, value = question.child.block, question.child.value
    marking = block.mark(value, answer, seed_for(attempt, question))
    now = timezone.now()
    previous = [parse_datetime(a["answered_at"]) for a in attempt.answers.values()]
    since = max([attempt.started_at, *[p for p in previous if p]])
    attempt.answers[str(question.id)] = {
        "answer": answer,
        "score": marking.score,
        "points": marking.points,
        "max_points": marking.max_points,
        "details": list(marking.details),
        "answered_at": now.isoformat(),
        "seconds": max(0, round((now - since).total_seconds())),
    }
    attempt.save(update_fields=["answers"])
    return marking


def finish(attempt, all_questions):
    recorded = [attempt.answers.get(str(q.id)) for q in all_questions]
    attempt.points = sum(r["points"] for r in recorded if r)
    attempt.max_points = sum(
        r["max_points"] if r else float(q.child.value.get("points") or 1)
        for q, r in zip(all_questions, recorded, strict=True)
    )
    attempt.finished_at = timezone.now()
    attempt.save(update_fields=["points", "max_points", "finished_at"])


def start_or_resume(exercise, pupil, partner=None):
    """The pupil's attempt under way, or a new one (the caller checked they may)."""
    import secrets

    under_way = Attempt.objects.filter(
        exercise=exercise, pupil=pupil, finished_at__isnull=True
    ).first()
    if under_way:
        return under_way
    return Attempt.objects.create(
        exercise=exercise,
        pupil=pupil,
        partner=partner,
        revision_id=exercise.live_revision_id,
        seed=secrets.randbelow(2**31),
    )


def done_by(person):
    """The attempts a pupil is credited with: theirs and those done with a classmate."""
    return Q(pupil=person) | Q(partner=person)
