"""What changed between two drafts of a pupil's text, word by word, and where the
teacher's marks land in the new draft.

The writing workshop (issue 18) keeps every draft a pupil hands in. Two needs share one
alignment of words:

- **Comparing two drafts** (`compare`): the pupil, the teacher and the parents see which
  words went and which came, never a character-level jumble: a child rewrites words.
- **Carrying the marks** (`carry_marks`): a mark is a passage of a draft (character
  offsets in its plain text) with an error type. When the pupil writes the next draft,
  each mark follows the words it was on. If those words are still there unchanged, the
  mark is `UNCHANGED` (not dealt with yet); if the pupil rewrote them, it is `REWRITTEN`
  and covers what replaced them (word for word when a passage kept its number of words,
  the whole new passage otherwise); if they were deleted, it is `REMOVED`, a point where
  they stood. The teacher sees the last two as dealt with.

Words are compared as written: a capital or an accent added is a change, which is what
"ponctuation et majuscules" and "orthographe" marks ask for. Spacing never counts.
Pure Python: no database, nothing translated.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum

# A word (letters or digits, with the apostrophes and hyphens inside it: "aujourd'hui",
# "arc-en-ciel", "l'école" as one piece a child rewrites at once), or one other mark.
_WORD = re.compile(r"[^\W_](?:[\w’'‐‑-]*[^\W_])?[’']?|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Word:
    """A word or punctuation mark of a text, with where it is in that text."""

    text: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    """The words and marks of `text` (NFC), in reading order."""
    text = unicodedata.normalize("NFC", text)
    return [Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


class Change(StrEnum):
    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True)
class Piece:
    """A run of words the two drafts share, or that one of them has alone."""

    change: Change
    text: str
    # What separates it from the piece before, as a page shows it: nothing (a full stop
    # after a word), a space, or a new paragraph ("\n").
    gap: str = field(default=" ", compare=False)

    @property
    def starts_paragraph(self) -> bool:
        return self.gap == "\n"


def _opcodes(before: list[Word], after: list[Word]):
    matcher = SequenceMatcher(None, [w.text for w in before], [w.text for w in after], False)
    return matcher.get_opcodes()


def _joined(text: str, run: list[Word]) -> str:
    """The stretch of `text` a run of words covers, spacing and line breaks included."""
    return text[run[0].start : run[-1].end] if run else ""


def _gap(text: str, run: list[Word], index: int) -> str:
    """What stands in `text` before the word `index` of `run`: "", " " or "\n"."""
    if index == 0:
        return ""
    between = text[run[index - 1].end : run[index].start]
    return "\n" if "\n" in between else (" " if between else "")


def compare(before: str, after: str) -> list[Piece]:
    """The words of both drafts in reading order, each piece saying whether it is in both,
    only in the first (removed) or only in the second (added). A replaced passage is its
    removed words followed by its added ones; a new paragraph of the second draft that
    begins with a replaced passage begins before its removed words."""
    before, after = unicodedata.normalize("NFC", before), unicodedata.normalize("NFC", after)
    old, new = words(before), words(after)
    pieces = []
    for tag, i1, i2, j1, j2 in _opcodes(old, new):
        if tag == "equal":
            pieces += _pieces(Change.SAME, after, new, j1, j2)
            continue
        removed = _pieces(Change.REMOVED, before, old, i1, i2)
        added = _pieces(Change.ADDED, after, new, j1, j2)
        if removed and added:
            if added[0].gap == "\n":
                # The second draft starts a paragraph here: the words it replaced open it.
                removed[0] = Piece(removed[0].change, removed[0].text, "\n")
            added[0] = Piece(added[0].change, added[0].text, " ")  # beside what it replaced
        pieces += removed + added
    return pieces


def _pieces(change: Change, text: str, run: list[Word], first: int, last: int) -> list[Piece]:
    """Pieces for the words first..last of `text`, one per paragraph they cross."""
    pieces, start = [], first
    for index in range(first, last + 1):
        if index == last or (index > start and _gap(text, run, index) == "\n"):
            if index > start:
                pieces.append(
                    Piece(change, _joined(text, run[start:index]), _gap(text, run, start))
                )
            start = index
    return pieces


class MarkState(StrEnum):
    UNCHANGED = "unchanged"
    REWRITTEN = "rewritten"
    REMOVED = "removed"


@dataclass(frozen=True)
class Mark:
    """A passage of a draft the teacher marked: offsets in its plain text, and a kind."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class CarriedMark:
    """A mark placed on the next draft: where it now is, and what the pupil did with it.

    A removed mark has `start == end`: the point where its words stood."""

    mark: Mark
    start: int
    end: int
    state: MarkState

    @property
    def dealt_with(self) -> bool:
        return self.state != MarkState.UNCHANGED


def _covered(old: list[Word], mark: Mark) -> tuple[int, int]:
    """The first and past-the-last word a mark touches (a mark on spaces touches none)."""
    inside = [i for i, word in enumerate(old) if word.start < mark.end and word.end > mark.start]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)


def carry_marks(before: str, after: str, marks: list[Mark]) -> list[CarriedMark]:
    """Each mark of the draft `before`, placed on the draft `after` (see the module)."""
    before, after = unicodedata.normalize("NFC", before), unicodedata.normalize("NFC", after)
    old, new = words(before), words(after)
    # For each old word: the new words standing for it, and whether it is unchanged.
    place: list[tuple[int, int, bool]] = [(0, 0, False)] * len(old)
    for tag, i1, i2, j1, j2 in _opcodes(old, new):
        one_for_one = i2 - i1 == j2 - j1  # "léo dor" → "Léo dort": word for word
        for i in range(i1, i2):
            if tag == "equal":
                place[i] = (j1 + i - i1, j1 + i - i1 + 1, True)
            elif one_for_one:
                place[i] = (j1 + i - i1, j1 + i - i1 + 1, False)
            else:
                place[i] = (j1, j2, False)
    carried = []
    for mark in marks:
        first, last = _covered(old, mark)
        if first == last:
            continue  # nothing of the text was marked: nothing to carry
        spots = place[first:last]
        j_from = min(spot[0] for spot in spots)
        j_to = max(spot[1] for spot in spots)
        if all(spot[2] for spot in spots) and j_to - j_from == last - first:
            state = MarkState.UNCHANGED
        elif j_to > j_from:
            state = MarkState.REWRITTEN
        else:
            state = MarkState.REMOVED
        if j_to > j_from:
            start, end = new[j_from].start, new[j_to - 1].end
        else:
            start = end = new[j_from].start if j_from < len(new) else len(after)
        carried.append(CarriedMark(mark, start, end, state))
    return carried
