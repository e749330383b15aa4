"""A planned school's activities, in bulk: blog entries with their authors, topics,
revisions and workflow states, exercises and their attempts (mixed into
`seed.SchoolWriter`)."""

from dataclasses import dataclass
from datetime import timedelta
from html import escape

from wagtail.models import TaskState, WorkflowState

from classrooms.models import BlogEntryPage, BlogEntryTag
from exercises.attempts import QUESTION_TYPES, seed_for
from exercises.models import Attempt, ExercisePage

from . import bulk
from .revision_content import revision_content

WRONG_TEXT = "je ne sais pas"


class ActivityRows:
    """Writes the blog entries and exercises of the school's classes."""

    def activities(self):
        context = self.context
        inserters = []
        entry_pages, exercise_pages = [], []
        for classroom in self.plan.classes:
            parent = self.classrooms[classroom.number]
            inserter = bulk.PageInserter(parent, using=self.using)
            teacher = self.user(classroom.teacher)
            for entry in classroom.entries:
                at = context.moment(entry.days_ago, 16, 30)
                authors = [self.user(pupil.person) for pupil in entry.authors]
                page = BlogEntryPage(
                    title=entry.title,
                    slug=entry.slug,
                    body=[
                        {"type": "text", "value": f"<p>{escape(text)}</p>", "id": block_id}
                        for text, block_id in zip(entry.paragraphs, entry.block_ids, strict=True)
                    ],
                    visibility=entry.visibility,
                    live=entry.live,
                    # Pupils write the entries; the teacher publishes them.
                    owner=teacher if entry.live or not authors else authors[0],
                    first_published_at=at if entry.live else None,
                    last_published_at=at if entry.live else None,
                    latest_revision_created_at=at,
                )
                page.plan_entry = entry
                page.author_ids = [user.pk for user in authors]
                inserter.place(page, translation_key=entry.translation_key)
                self.entries[entry] = page
                entry_pages.append(page)
            for exercise in classroom.exercises:
                at = context.moment(exercise.days_ago, 8)
                page = ExercisePage(
                    title=exercise.title,
                    slug=exercise.slug,
                    body=exercise.body,
                    max_attempts=exercise.max_attempts,
                    live=True,
                    owner=teacher,
                    first_published_at=at,
                    last_published_at=at,
                    latest_revision_created_at=at,
                )
                page.plan_exercise = exercise
                inserter.place(page, translation_key=exercise.translation_key)
                exercise_pages.append(page)
            inserters.append(inserter)
        bulk.insert_pages(inserters, using=self.using)
        tag_rows = self.entry_links(entry_pages)
        bulk.add_revisions(
            entry_pages + exercise_pages,
            content=lambda page: revision_content(page, tag_rows),
            using=self.using,
        )
        self.waiting_for_teachers([p for p in entry_pages if p.plan_entry.status == "waiting"])
        self.attempts(exercise_pages)

    def entry_links(self, entry_pages):
        """Authors and topics of the entries; returns the topic rows of each entry."""
        authors = BlogEntryPage.authors.through
        author_rows = [
            authors(blogentrypage_id=page.pk, user_id=user_id)
            for page in entry_pages
            for user_id in page.author_ids
        ]
        bulk.insert(authors, author_rows, using=self.using)
        tag_rows = [
            BlogEntryTag(content_object_id=page.pk, tag=self.context.tag(name))
            for page in entry_pages
            for name in page.plan_entry.topics
        ]
        bulk.insert(BlogEntryTag, tag_rows, using=self.using)
        by_entry = {}
        for row in tag_rows:
            by_entry.setdefault(row.content_object_id, []).append(row)
        return by_entry

    def waiting_for_teachers(self, pages):
        """Entries sent to the teacher: the class workflow started on their revision.

        The rows `moderation.submit()` leaves: a workflow state in progress on the class
        spaces' workflow, and its task state on the teachers' approval task.
        """
        if not pages:
            return
        context = self.context
        states = [
            WorkflowState(
                content_type=page.content_type,
                base_content_type=context.page_type,
                object_id=str(page.pk),
                workflow=context.class_workflow,
                status=WorkflowState.STATUS_IN_PROGRESS,
                requested_by_id=page.owner_id,
                created_at=page.latest_revision_created_at,
            )
            for page in pages
        ]
        bulk.insert(WorkflowState, states, using=self.using, raw=True)
        task_states = [
            TaskState(
                workflow_state=state,
                revision_id=page.latest_revision_id,
                task=context.class_task,
                status=TaskState.STATUS_IN_PROGRESS,
                started_at=page.latest_revision_created_at,
                content_type=context.task_state_type,
            )
            for state, page in zip(states, pages, strict=True)
        ]
        bulk.insert(TaskState, task_states, using=self.using, raw=True)
        for state, task_state in zip(states, task_states, strict=True):
            WorkflowState.objects.filter(pk=state.pk).update(current_task_state=task_state)

    def attempts(self, exercise_pages):
        context = self.context
        rows = []
        for page in exercise_pages:
            questions = [child for child in page.body if child.block_type in QUESTION_TYPES]
            for attempt in page.plan_exercise.attempts:
                started = context.moment(attempt.days_ago, 10)
                row = Attempt(
                    exercise_id=page.pk,
                    pupil=self.user(attempt.pupil.person),
                    revision_id=page.live_revision_id,
                    seed=attempt.seed,
                    started_at=started,
                    teacher_comment="",
                )
                seconds = max(20, attempt.minutes * 60 // max(1, len(questions)))
                answered_at = started
                answers = {}
                # An unfinished attempt has answers to its first questions only.
                pairs = zip(questions, attempt.right, strict=False)
                for number, (child, right) in enumerate(pairs, start=1):
                    answered_at = min(answered_at + timedelta(seconds=seconds), context.now)
                    seed = seed_for(row, Question(number, child))
                    answer = answer_for(child, right, seed)
                    marking = child.block.mark(child.value, answer, seed)
                    answers[str(child.id)] = {
                        "answer": answer,
                        "score": marking.score,
                        "points": marking.points,
                        "max_points": marking.max_points,
                        "details": list(marking.details),
                        "answered_at": answered_at.isoformat(),
                        "seconds": seconds,
                    }
                row.answers = answers
                if attempt.finished:
                    row.points = sum(a["points"] for a in answers.values())
                    row.max_points = sum(a["max_points"] for a in answers.values())
                    row.finished_at = answered_at
                rows.append(row)
        bulk.insert(Attempt, rows, using=self.using, raw=True)


@dataclass(frozen=True)
class Question:
    """What `exercises.attempts.seed_for` reads of a question: its block's id."""

    number: int
    child: object

    @property
    def id(self):
        return self.child.id


def answer_for(child, right, seed):
    """A right or a wrong answer to a question, in the shape its block marks."""
    value = child.value
    if child.block_type == "multiple_choice":
        shown = child.block.shown_choices(value, seed)
        correct = [index for index, choice in enumerate(shown) if choice["correct"]]
        wrong = [index for index, choice in enumerate(shown) if not choice["correct"]]
        picked = correct if right or not wrong else wrong[:1]
        return {"choices": [str(index) for index in picked]}
    accepted = child.block.accepted(value)
    return {"text": accepted[0] if right and accepted else WRONG_TEXT}
