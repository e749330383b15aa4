"""A draft's text cut into what the page draws: paragraphs, marked passages, words.

The teacher's marking tool needs every word with its offsets (a tap on a word starts or
ends a selection, on a tablet as with a mouse); the pupil and the parents see the marked
passages with the legend. Both read the same structure:

    paragraphs → runs (a marked passage, or text between marks) → pieces (a word, or
    the spaces and marks between words), each with its offsets in the draft's body.

Marks never overlap (views_marking.py refuses it), so a run has one mark at most.
Pure Python: the templates draw it.
"""

from dataclasses import dataclass, field

from .paragraph_merge import paragraph_spans
from .text_changes import words


@dataclass(frozen=True)
class Piece:
    text: str
    start: int
    end: int
    is_word: bool


@dataclass
class Run:
    mark: object | None  # a Mark, or a carried mark (views decide), or None
    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass
class Paragraph:
    start: int
    end: int
    runs: list[Run] = field(default_factory=list)
    author_id: int | None = None


def _pieces(text: str, start: int, end: int) -> list[Piece]:
    """The words of text[start:end] and what lies between them, in order."""
    pieces, at = [], start
    for word in words(text[start:end]):
        word_start, word_end = start + word.start, start + word.end
        if word_start > at:
            pieces.append(Piece(text[at:word_start], at, word_start, False))
        pieces.append(Piece(text[word_start:word_end], word_start, word_end, True))
        at = word_end
    if at < end:
        pieces.append(Piece(text[at:end], at, end, False))
    return pieces


def cut(text: str, marks=(), authors=()) -> list[Paragraph]:
    """The paragraphs of `text` with `marks` (objects with start, end) laid on them.

    A mark spanning two paragraphs is drawn in each; an empty mark (a removed passage,
    start == end) is a run with no pieces where it stood."""
    marks = sorted(marks, key=lambda mark: (mark.start, mark.end))
    result = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        author = authors[index] if index < len(authors) else None
        paragraph = Paragraph(p_start, p_end, author_id=author)
        at = p_start
        for mark in marks:
            if (
                mark.end < p_start
                or mark.start > p_end
                or (mark.end == p_start and mark.start < p_start)
            ):
                continue
            start, end = max(mark.start, p_start, at), min(mark.end, p_end)
            if end < start or (end == start and mark.start != mark.end):
                continue
            if start > at:
                paragraph.runs.append(Run(None, _pieces(text, at, start)))
            paragraph.runs.append(Run(mark, _pieces(text, start, end)))
            at = end
        if at < p_end:
            paragraph.runs.append(Run(None, _pieces(text, at, p_end)))
        result.append(paragraph)
    return result


def overlaps(marks, start: int, end: int) -> bool:
    """Whether [start, end) touches a passage already marked."""
    return any(mark.start < end and start < mark.end for mark in marks)


def snapped(text: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) widened to whole words, or None if it holds no word."""
    inside = [w for w in words(text) if w.start < end and w.end > start]
    if not inside or start < 0 or end > len(text):
        return None
    return inside[0].start, inside[-1].end
