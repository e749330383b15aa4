"""What happens when a word is sent, acknowledged or the families reminded; and the
follow-up table, read in a fixed number of queries whatever the number of families.
"""

import mimetypes
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from classrooms.models import Guardianship, Membership
from classrooms.permissions import classrooms_in_school

from . import notices
from .models import Acknowledgement, Word, WordConcern, WordFile


def remind_every() -> timedelta:
    """Families are reminded of one word at most this often (one click, not a spam)."""
    return timedelta(minutes=getattr(settings, "PREAU_WORD_REMIND_MINUTES", 60))


def _concerned(word, group=None, pupils=()):
    """{child id: class id} of the pupils the word reaches, as the rows are now."""
    rows = Membership.objects.filter(role=Membership.Role.PUPIL, user__is_active=True)
    if word.audience == Word.Audience.SCHOOL:
        rows = rows.filter(classroom__in=classrooms_in_school(word.school))
    else:
        rows = rows.filter(classroom=word.classroom)
        if word.audience == Word.Audience.GROUP:
            rows = rows.filter(user__pupil_groups=group)
        elif word.audience == Word.Audience.PUPILS:
            rows = rows.filter(user__in=list(pupils))
    seen = {}
    for child_id, classroom_id in rows.order_by("user_id", "classroom_id").values_list(
        "user_id", "classroom_id"
    ):
        seen.setdefault(child_id, classroom_id)  # a child in two classes: one concern
    return seen


def send_from_form(form, *, author, school):
    """send_word() with what the writing form checked."""
    data = form.cleaned_data
    return send_word(
        author=author,
        school=school,
        classroom=form.target_classroom(),
        audience=data["audience"],
        title=data["title"],
        text=data["text"],
        question=data["question"],
        choices=data["choices"],
        needs_answer=bool(data["needs_answer"]),
        group=data.get("group"),
        pupils=data.get("pupils") or (),
        photo=data.get("photo"),
        document=data.get("document"),
    )


@transaction.atomic
def send_word(
    *,
    author,
    school,
    classroom,
    audience,
    title,
    text,
    question=Word.Question.NONE,
    choices=(),
    needs_answer=False,
    group=None,
    pupils=(),
    photo=None,
    document=None,
    tell=True,
):
    """Save the word, its files and the children it concerns, and tell their guardians
    (`tell=False`: nobody is told, for the demo loader)."""
    word = Word.objects.create(
        author=author,
        school=school,
        classroom=classroom,
        group=group if audience == Word.Audience.GROUP else None,
        audience=audience,
        title=title,
        text=text,
        question=question,
        choices=list(choices) if question == Word.Question.CHOICE else [],
        needs_answer=needs_answer and question != Word.Question.NONE,
    )
    if photo is not None:
        WordFile.objects.create(
            word=word,
            kind=WordFile.Kind.PHOTO,
            name=photo.name,
            content_type=mimetypes.guess_type(photo.name)[0] or "image/jpeg",
            size=photo.content.size,
            file=ContentFile(photo.content.read(), name=photo.name),
        )
    if document is not None:
        content, name, content_type = document
        WordFile.objects.create(
            word=word,
            kind=WordFile.Kind.DOCUMENT,
            name=name,
            content_type=content_type,
            size=len(content),
            file=ContentFile(content, name=name),
        )
    concerned = _concerned(word, group, pupils)
    WordConcern.objects.bulk_create(
        [
            WordConcern(word=word, child_id=child_id, classroom_id=classroom_id)
            for child_id, classroom_id in concerned.items()
        ]
    )
    if tell:
        notices.tell_families(word, list(concerned), reminder=False)
    return word


def acknowledge(word, child_id, parent, answer=""):
    """The parent's acknowledgement for this child: made once, its answer changed later;
    the date of the first acknowledgement stays."""
    now = timezone.now()
    ack, created = Acknowledgement.objects.get_or_create(
        word=word,
        child_id=child_id,
        parent=parent,
        defaults={"answer": answer, "answered_at": now if answer else None},
    )
    if not created and answer and answer != ack.answer:
        ack.answer = answer
        ack.answered_at = now
        ack.save(update_fields=["answer", "answered_at"])
    return ack, created


def remind(word) -> int | None:
    """Tell again the guardians of the families nobody acknowledged for; None when they
    were reminded less than `remind_every()` ago (two clicks, two directors at once)."""
    now = timezone.now()
    claimed = (
        Word.objects.filter(pk=word.pk)
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - remind_every()))
        .update(reminded_at=now)
    )
    if not claimed:
        return None
    word.reminded_at = now
    reached = Acknowledgement.objects.filter(word=word).values("child_id")
    waiting = list(
        WordConcern.objects.filter(word=word)
        .exclude(child_id__in=reached)
        .values_list("child_id", flat=True)
    )
    notices.tell_families(word, waiting, reminder=True)
    return len(waiting)


def next_reminder_at(word):
    if word.reminded_at is None:
        return None
    return word.reminded_at + remind_every()


@dataclass
class Family:
    """One line of the follow-up: a child, their guardians, and what each of them did."""

    child: object
    classroom_title: str
    guardians: list = field(default_factory=list)
    acknowledgements: list = field(default_factory=list)

    @property
    def reached(self) -> bool:
        return bool(self.acknowledgements)


@dataclass
class FollowUp:
    families: list
    tally: list  # (label, count) of the answers, in the word's order

    @property
    def total(self):
        return len(self.families)

    @property
    def reached(self):
        return sum(1 for family in self.families if family.reached)

    @property
    def not_reached(self):
        return [family for family in self.families if not family.reached]


def follow_up(word) -> FollowUp:
    """Every family of the word with its guardians and acknowledgements: three queries
    whatever their number."""
    concerns = list(
        WordConcern.objects.filter(word=word)
        .select_related("child", "classroom")
        .order_by("classroom__title", "child__last_name", "child__first_name")
    )
    child_ids = [concern.child_id for concern in concerns]
    guardians = {}
    for guardianship in (
        Guardianship.objects.filter(child_id__in=child_ids, parent__is_active=True)
        .select_related("parent")
        .order_by("parent__last_name", "parent__first_name")
    ):
        guardians.setdefault(guardianship.child_id, []).append(guardianship.parent)
    acknowledgements = {}
    for ack in (
        Acknowledgement.objects.filter(word=word)
        .select_related("parent")
        .order_by("acknowledged_at")
    ):
        acknowledgements.setdefault(ack.child_id, []).append(ack)
    families = [
        Family(
            child=concern.child,
            classroom_title=concern.classroom.title,
            guardians=guardians.get(concern.child_id, []),
            acknowledgements=acknowledgements.get(concern.child_id, []),
        )
        for concern in concerns
    ]
    counts = {}
    for acks in acknowledgements.values():
        for ack in acks:
            if ack.answer:
                counts[ack.answer] = counts.get(ack.answer, 0) + 1
    tally = [(label, counts.get(value, 0)) for value, label in word.answer_options()]
    return FollowUp(families=families, tally=tally)


def followed_words(queryset):
    """Words with how many families each concerns and how many acknowledged: one query."""
    return queryset.select_related("classroom", "school").annotate(
        family_count=Count("concerns", distinct=True),
        reached_count=Count("acknowledgements__child", distinct=True),
    )
