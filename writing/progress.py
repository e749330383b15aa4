"""How many marks of each kind a pupil's drafts received, draft by draft and over the year.

A mark counts for the pupil who wrote the paragraph it is on (group texts remember who
wrote each paragraph); when that is not known, for every author of the text. The counts
of a class are read in a fixed number of queries whatever its number of texts and marks.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .models import Draft, Mark, Text
from .paragraph_merge import paragraph_spans


@dataclass
class DraftCounts:
    draft: Draft
    counts: Counter = field(default_factory=Counter)  # error type id → marks


@dataclass
class ClassProgress:
    # pupil id → error type id → marks over the year
    per_pupil: dict = field(default_factory=lambda: defaultdict(Counter))
    # error type id → marks over the year, the whole class
    totals: Counter = field(default_factory=Counter)
    # pupil id → list of DraftCounts, in the order drafts were handed in
    drafts: dict = field(default_factory=lambda: defaultdict(list))


def _writers(draft: Draft, start: int, text_authors: list[int]) -> list[int]:
    for index, (p_start, p_end) in enumerate(paragraph_spans(draft.body)):
        if p_start <= start <= p_end:
            if index < len(draft.paragraph_authors) and draft.paragraph_authors[index]:
                author = draft.paragraph_authors[index]
                if author in text_authors:
                    return [author]
            break
    return text_authors


def class_progress(classroom, pupil_ids=None) -> ClassProgress:
    """The marks of the class's drafts, counted per pupil, per draft and per kind."""
    texts = Text.objects.filter(assignment__path__startswith=classroom.path)
    authors = defaultdict(list)
    for text_id, user_id in Text.authors.through.objects.filter(text__in=texts).values_list(
        "text_id", "user_id"
    ):
        authors[text_id].append(user_id)
    drafts = {
        draft.pk: draft
        for draft in Draft.objects.filter(text__in=texts)
        .select_related("text")
        .order_by("handed_in_at", "pk")
    }
    counts = {pk: defaultdict(Counter) for pk in drafts}  # draft → pupil → kind → n
    progress = ClassProgress()
    for draft_id, kind_id, start in Mark.objects.filter(draft_id__in=drafts).values_list(
        "draft_id", "error_type_id", "start"
    ):
        draft = drafts[draft_id]
        for pupil in _writers(draft, start, authors[draft.text_id]):
            if pupil_ids is not None and pupil not in pupil_ids:
                continue
            counts[draft_id][pupil][kind_id] += 1
            progress.per_pupil[pupil][kind_id] += 1
            progress.totals[kind_id] += 1
    for draft_id, draft in drafts.items():
        if draft.marked_at is None:
            continue  # not marked yet: no count to show, not even zeros
        for pupil in authors[draft.text_id]:
            if pupil_ids is None or pupil in pupil_ids:
                progress.drafts[pupil].append(DraftCounts(draft, counts[draft_id][pupil]))
    return progress
