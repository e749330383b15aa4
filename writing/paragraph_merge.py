"""Saving a text several pupils write at once without losing a word of anyone's.

A group's working copy is saved by whoever presses "save": each save names the version
it was written from and carries the text as the pupil saw it then (the base). If someone
saved in between, the two saves are merged paragraph by paragraph, like a three-way
merge of lines:

- a paragraph only one of them changed takes that change;
- paragraphs both added at the same place are both kept (the one saved first, first),
  unless they are the same (a save sent twice adds nothing the second time);
- the same paragraph changed differently by both is a `Conflict`: nothing is saved, and
  the pupil is shown both versions with their own text still in the form.

Each paragraph remembers who wrote it last (`authors`, user ids), which is how the
teacher's gathered document says who wrote what. Pure Python, no database.
"""

import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text typed in a plain text area: one per line, blank lines and
    spaces around dropped (a child presses Enter once for a new paragraph)."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def joined(parts: list[str]) -> str:
    """The stored form of a list of paragraphs: separated by a blank line."""
    return "\n\n".join(parts)


def normal_text(text: str) -> str:
    return joined(paragraphs(text))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Where each paragraph of a stored text starts and ends (character offsets)."""
    spans, start = [], 0
    for part in text.split("\n\n") if text else []:
        spans.append((start, start + len(part)))
        start += len(part) + 2
    return spans


class Conflict(Exception):
    """Both saves changed the same paragraph differently; nothing was merged."""


@dataclass(frozen=True)
class Merged:
    paragraphs: list[str]
    authors: list

    @property
    def text(self) -> str:
        return joined(self.paragraphs)


def _edits(base: list[str], other: list[str]):
    """(base from, base to, new paragraphs) for each change from base to other."""
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [
        (i1, i2, other[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _position_in(theirs_blocks, point: int) -> int | None:
    """Where a base paragraph boundary falls in their version, if they left it in place.

    A boundary at the start of a run they kept goes after anything they inserted just
    before it, so that two insertions at one place keep theirs first."""
    for a, b, _size in theirs_blocks:
        if a == point:
            return b
    for a, b, size in theirs_blocks:
        if a < point <= a + size:
            return b + point - a
    return None


def merge(base: str, theirs: str, their_authors: list, mine: str, me) -> Merged:
    """Apply the changes `me` made from `base` on top of `theirs` (what is saved now).

    `their_authors` is who wrote each paragraph of `theirs`. Raises Conflict when a
    paragraph `me` changed was also changed by someone else.
    """
    base_p, their_p, my_p = paragraphs(base), paragraphs(theirs), paragraphs(mine)
    authors = list(their_authors)[: len(their_p)]
    authors += [None] * (len(their_p) - len(authors))
    blocks = SequenceMatcher(None, base_p, their_p, autojunk=False).get_matching_blocks()
    placed = []
    theirs_edits = _edits(base_p, their_p)
    for i1, i2, new in _edits(base_p, my_p):
        if (i1, i2, new) in theirs_edits:
            continue  # they made exactly this change already (a save sent twice, say)
        if i1 == i2:
            start = end = _position_in(blocks, i1)
        else:
            inside = [b + i1 - a for a, b, size in blocks if a <= i1 and i2 <= a + size]
            start = inside[0] if inside else None
            end = None if start is None else start + i2 - i1
        if start is None:
            raise Conflict
        placed.append((start, end, new))
    result, result_authors = list(their_p), authors
    for start, end, new in sorted(placed, key=lambda edit: (edit[0], edit[1]), reverse=True):
        result[start:end] = new
        result_authors[start:end] = [me] * len(new)
    return Merged(result, result_authors)
