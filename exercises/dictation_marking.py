"""Marking a dictation: the pupil's copy aligned with the teacher's text, word by word.

A dictation page shows the whole text with each error highlighted, so marking returns
one row per token in reading order (correct ones included), each with its kind of error.
Pure Python: no database; only the labels of the kinds are translated.

Choices a teacher may ask about:

- Tokens. Words and punctuation marks are separate tokens, so spacing never matters
  ("Pourquoi ?" and "Pourquoi?" are the same, French spaces before ; : ! ? « » included).
  Hyphenated words ("peut-être", "arc-en-ciel", "dis-moi") and numbers ("12", "3,5") are
  one word. The ’ and ' apostrophes are the same mark. An elided word keeps its
  apostrophe and is a word of its own: "l'école" is "l'" + "école" (two words, as a
  teacher counts them); apostrophes inside a word ("aujourd'hui", "quelqu'un",
  "presqu'île") keep it whole. All quotation marks (« » “ ” ") are one mark: a pupil
  typing " for « is not wrong. "..." and "…" are the same mark, and so are the dashes.
  Texts are compared in Unicode NFC, so a decomposed "e" + accent equals "é".
- Alignment. A word-level edit distance: a pupil's word stands for a reference word when
  they are close enough (1 - letter edit distance / longer length at least SIMILAR, 0.4,
  without case or accents: "était" for "été", "et" for "est"); otherwise the reference
  word is missing and the pupil's word is extra.
  "Il fait beau beau" for "Il fait très beau" is therefore "très" missing and "beau"
  written once too often, not "beau" misspelling "très". Among alignments with the
  fewest errors, the one pairing the most similar words wins; when a missing and an
  extra word sit at the same place, the missing one is listed first.
- Word boundaries. A missing or extra apostrophe, hyphen or space inside what should be
  one or two words is one spelling error of the whole: "lécole" for "l'école" and
  "peut être" for "peut-être" are each one SPELLING row (expected "l'école", written
  "lécole"), not a missing word plus a misspelt one.
- Kinds, in this order: identical (apostrophes and quotation marks aside) is correct;
  two different punctuation marks, or one missing or added, is PUNCTUATION (never a
  missing or extra word); a difference of case only is CAPITAL; a difference of accents
  (or cedilla) is ACCENT, even with a case difference too ("Ecole" for "école" is one
  ACCENT error), and even when it makes another word ("a" for "à", "ou" for "où"); "oe"
  for "œ" and anything else, agreement errors included ("enfant" for "enfants"), is
  SPELLING.
- Score. Every row that is not correct is one error, punctuation included, as in French
  school marking; the score is 1 - errors / words (reference words, punctuation
  excluded), kept between 0 and 1. An empty copy scores 0.

Texts up to some 400 words get one optimal alignment. Longer ones are followed token by
token and aligned optimally only where the copy strays from the text, so that a
2,000-word text marks in a fraction of a second.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise

from django.db import models
from django.utils.translation import gettext_lazy as _

SIMILAR = 0.4  # two words this similar or more stand for each other (one error, not two)
SIMILAR_JOINED = 0.8  # the same for two words written as one, or one as two: stricter
_ALIGNED_AT_ONCE = 250_000  # token pairs aligned in one pass (some 400 words each)
_IN_STEP = 3  # tokens in a row that agree: the copy follows the text again
_LOOK_AHEAD = 60  # tokens searched for that, or aligned at once when the copy strays


class ErrorKind(models.TextChoices):
    """What a row of the correction is; OK included so that every row has a kind."""

    OK = "ok", _("Correct")
    MISSING = "missing", _("Missing word")
    EXTRA = "extra", _("Extra word")
    SPELLING = "spelling", _("Spelling")
    ACCENT = "accent", _("Accent")
    PUNCTUATION = "punctuation", _("Punctuation")
    CAPITAL = "capital", _("Capital letter")


_APOSTROPHES = "'’ʼ‘"
_HYPHENS = "-‐‑"
_LETTER = r"(?:[^\W_][\u0300-\u036f]*)"  # combining accents NFC could not compose
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)+"  # 3,5 or 1.000: one word
    rf"|{_LETTER}+(?:[{re.escape(_HYPHENS + _APOSTROPHES)}]{_LETTER}+)*"
    rf"[{re.escape(_APOSTROPHES)}]?"  # "l'" written apart from its word is still "l'"
    r"|\.\.\."
    r"|[^\w\s]"
)
# Words that elide before a vowel: "l'école" is two words, "aujourd'hui" is one.
_ELIDED = frozenset(
    ["c", "ç", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"]
)
_SAME_MARK = str.maketrans(
    {
        **dict.fromkeys(_APOSTROPHES, "'"),
        **dict.fromkeys(_HYPHENS, "-"),
        **dict.fromkeys("«»“”„‟‹›", '"'),
        **dict.fromkeys("–—―", "-"),
    }
)
_SEPARATORS = str.maketrans(dict.fromkeys(_APOSTROPHES + _HYPHENS))


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark, as written (NFC)."""

    text: str

    @cached_property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @cached_property
    def key(self) -> str:
        """What two tokens must share to be identical: the marks that look alike unified."""
        return "…" if self.text == "..." else self.text.translate(_SAME_MARK)

    @cached_property
    def loose(self) -> str:
        """The letters without case or accents, to tell capital and accent errors apart."""
        return _without_accents(self.key.casefold())

    @cached_property
    def bare(self) -> str:
        """The loose letters without apostrophes or hyphens, for words joined or split."""
        return self.loose.translate(_SEPARATORS)


@dataclass(frozen=True)
class Correction:
    """One row of the alignment: a reference token, the pupil's, or both."""

    expected: str | None
    written: str | None
    kind: ErrorKind


@dataclass(frozen=True)
class DictationResult:
    """Everything the marked page shows: the text row by row, the counts, the score."""

    corrections: tuple[Correction, ...]  # reading order, correct rows included
    errors: int
    words: int  # in the reference, punctuation excluded
    score: float  # between 0 and 1

    def errors_by_kind(self) -> dict[ErrorKind, int]:
        """Every kind of error (correct rows aside) with its count, zeros included, so
        that a summary table always has the same lines."""
        counts = {kind: 0 for kind in ErrorKind if kind != ErrorKind.OK}
        for correction in self.corrections:
            if correction.kind != ErrorKind.OK:
                counts[correction.kind] += 1
        return counts


def tokenize(text: str) -> tuple[Token, ...]:
    """Words and punctuation marks in reading order; spacing is not kept, it never counts."""
    tokens = []
    for match in _TOKEN.finditer(unicodedata.normalize("NFC", text)):
        piece = match.group()
        if piece[0].isalnum():
            tokens.extend(Token(word) for word in _split_elisions(piece))
        else:
            tokens.append(Token(piece))
    return tuple(tokens)


def mark(reference: str, written: str) -> DictationResult:
    """The pupil's copy `written` marked against the teacher's `reference` text."""
    expected = tokenize(reference)
    corrections = tuple(_align(expected, tokenize(written)))
    errors = sum(correction.kind != ErrorKind.OK for correction in corrections)
    words = sum(token.is_word for token in expected)
    score = min(1.0, max(0.0, 1 - errors / max(words, 1)))
    return DictationResult(corrections, errors, words, score)


def _split_elisions(word: str):
    """Cut off elided words only: "qu'aujourd'hui" gives "qu'" and "aujourd'hui"."""
    while True:
        cut = next((i for i, char in enumerate(word) if char in _APOSTROPHES), None)
        if cut is None or word[:cut].casefold() not in _ELIDED:
            yield word
            return
        yield word[: cut + 1]
        word = word[cut + 1 :]
        if not word:
            return


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", kept)


@lru_cache(maxsize=65_536)
def _similarity(a: str, b: str, at_least: float) -> float:
    """1 minus the character edit distance over the longer length; 0 as soon as it
    cannot reach `at_least`, which spares most of the work on unlike words."""
    longest = max(len(a), len(b))
    if not longest:
        return 1.0
    allowed = longest * (1 - at_least) + 1e-9  # edits that still reach `at_least`
    if abs(len(a) - len(b)) > allowed:
        return 0.0
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > allowed:
            return 0.0
        previous = current
    if previous[-1] > allowed:
        return 0.0
    return 1 - previous[-1] / longest


def _kind(expected: Token, written: Token) -> ErrorKind | None:
    """The kind of error when `written` stands for `expected`, None if it cannot."""
    if expected.key == written.key:
        return ErrorKind.OK
    if expected.is_word != written.is_word:
        return None
    if not expected.is_word:
        return ErrorKind.PUNCTUATION
    if expected.key.casefold() == written.key.casefold():
        return ErrorKind.CAPITAL
    if expected.loose == written.loose:
        return ErrorKind.ACCENT
    if _similarity(expected.loose, written.loose, SIMILAR):
        return ErrorKind.SPELLING
    return None


def _alone(token: Token, *, expected: bool) -> Correction:
    """A token with nothing in front of it: a missing or extra word, or punctuation."""
    if not token.is_word:
        kind = ErrorKind.PUNCTUATION
    else:
        kind = ErrorKind.MISSING if expected else ErrorKind.EXTRA
    if expected:
        return Correction(token.text, None, kind)
    return Correction(None, token.text, kind)


def _joined(first: Token, second: Token) -> str:
    glue = "" if first.text[-1] in _APOSTROPHES else " "
    return first.text + glue + second.text


def _two_words(first: Token, second: Token) -> str | None:
    """Two words' letters as one, to compare with one word written for both."""
    if first.is_word and second.is_word:
        return first.bare + second.bare
    return None


def _align(expected, written):
    """Rows in reading order. Texts of a usual dictation's length get one optimal
    alignment; longer ones are walked through, aligning optimally only where the copy
    strays from the text, from where it strays to where it follows the text again."""
    if not expected or not written:
        yield from (_alone(token, expected=True) for token in expected)
        yield from (_alone(token, expected=False) for token in written)
        return
    if len(expected) * len(written) <= _ALIGNED_AT_ONCE:
        yield from (row for row, _, _ in _edit_distance(expected, written))
        return
    expected_keys = [token.key for token in expected]
    written_keys = [token.key for token in written]
    i = j = 0
    while i < len(expected) and j < len(written):
        if expected_keys[i] == written_keys[j]:
            yield Correction(expected[i].text, written[j].text, ErrorKind.OK)
            i, j = i + 1, j + 1
            continue
        back_in_step = _back_in_step(expected_keys, written_keys, i, j)
        if back_in_step:
            skip_e, skip_w = back_in_step
            yield from _align(expected[i : i + skip_e], written[j : j + skip_w])
            i, j = i + skip_e, j + skip_w
            continue
        # Astray for as far as we look: align a window, keep its first two thirds (its
        # end is cut arbitrarily), and carry on from there.
        start_e, start_w = i, j
        window = _edit_distance(expected[i : i + _LOOK_AHEAD], written[j : j + _LOOK_AHEAD])
        for row, taken_e, taken_w in window:
            yield row
            i, j = i + taken_e, j + taken_w
            if max(i - start_e, j - start_w) >= _LOOK_AHEAD * 2 // 3:
                break
    yield from _align(expected[i:], written[j:])


def _back_in_step(expected_keys, written_keys, i, j):
    """How many tokens each text has to skip from (i, j) to reach the nearest place
    where _IN_STEP tokens in a row agree again, or None within _LOOK_AHEAD tokens."""
    starts = {}
    for start in range(j, min(j + _LOOK_AHEAD, len(written_keys) - _IN_STEP) + 1):
        starts.setdefault(tuple(written_keys[start : start + _IN_STEP]), []).append(start - j)
    best = None
    for skip_e in range(min(_LOOK_AHEAD, len(expected_keys) - _IN_STEP - i) + 1):
        if best is not None and skip_e >= sum(best):
            break
        skips_w = starts.get(tuple(expected_keys[i + skip_e : i + skip_e + _IN_STEP]))
        if skips_w and (best is None or skip_e + skips_w[0] < sum(best)):
            best = skip_e, skips_w[0]
    return best


def _pair(expected: Token, written: Token) -> Correction:
    return Correction(expected.text, written.text, _kind(expected, written))


# Costs: an error outweighs any sum of the tie-breaking penalties (at most 2 * _PENALTY
# each), so the alignment with the fewest errors wins, then the one with closest words.
_ERROR = 10**9
_PENALTY = 1_000
_PAIR, _EXPECTED_ALONE, _WRITTEN_ALONE, _TWO_FOR_ONE, _ONE_FOR_TWO = range(5)


def _edit_distance(expected, written):
    """The optimal alignment by dynamic programming over tokens, in reading order, as
    (row, expected tokens it takes, written tokens it takes)."""
    n, m = len(expected), len(written)
    alone = _ERROR + _PENALTY
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    move = [[_WRITTEN_ALONE] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = cost[i - 1][0] + alone
        move[i][0] = _EXPECTED_ALONE
    for j in range(1, m + 1):
        cost[0][j] = cost[0][j - 1] + alone
    # Words joined two by two (None beside punctuation), for one word written for two.
    pairs_e = [None, None, *(_two_words(a, b) for a, b in pairwise(expected))]
    pairs_w = [None, None, *(_two_words(a, b) for a, b in pairwise(written))]
    costs = {}
    for i in range(1, n + 1):
        token_e = expected[i - 1]
        one_e = token_e.bare if token_e.is_word else None
        two_e = pairs_e[i]
        row, above = cost[i], cost[i - 1]
        for j in range(1, m + 1):
            token_w = written[j - 1]
            # Candidates in order of preference when costs tie. The path is read
            # backwards from the end, so an extra word is placed after a missing one.
            pair = costs.get((token_e.key, token_w.key))
            if pair is None:
                pair = costs[token_e.key, token_w.key] = _pair_cost(token_e, token_w)
            best, step = above[j - 1] + pair, _PAIR
            if two_e and token_w.is_word:
                joined = _joined_cost(token_w.bare, two_e)
                if joined is not None and cost[i - 2][j - 1] + joined < best:
                    best, step = cost[i - 2][j - 1] + joined, _TWO_FOR_ONE
            if one_e and pairs_w[j]:
                joined = _joined_cost(one_e, pairs_w[j])
                if joined is not None and above[j - 2] + joined < best:
                    best, step = above[j - 2] + joined, _ONE_FOR_TWO
            if row[j - 1] + alone < best:
                best, step = row[j - 1] + alone, _WRITTEN_ALONE
            if above[j] + alone < best:
                best, step = above[j] + alone, _EXPECTED_ALONE
            row[j] = best
            move[i][j] = step
    path = []
    i, j = n, m
    while i or j:
        step = move[i][j]
        if step == _PAIR:
            path.append((_pair(expected[i - 1], written[j - 1]), 1, 1))
        elif step == _TWO_FOR_ONE:
            both = _joined(expected[i - 2], expected[i - 1])
            path.append((Correction(both, written[j - 1].text, ErrorKind.SPELLING), 2, 1))
        elif step == _ONE_FOR_TWO:
            both = _joined(written[j - 2], written[j - 1])
            path.append((Correction(expected[i - 1].text, both, ErrorKind.SPELLING), 1, 2))
        elif step == _WRITTEN_ALONE:
            path.append((_alone(written[j - 1], expected=False), 0, 1))
        else:
            path.append((_alone(expected[i - 1], expected=True), 1, 0))
        i, j = i - path[-1][1], j - path[-1][2]
    return path[::-1]


def _pair_cost(expected: Token, written: Token) -> int:
    """The cost of `written` standing for `expected`; out of reach when it cannot."""
    kind = _kind(expected, written)
    if kind is None:
        return 3 * _ERROR  # dearer than a missing word plus an extra one
    if kind == ErrorKind.OK:
        return 0
    return _ERROR + round(_PENALTY * (1 - _similarity(expected.loose, written.loose, SIMILAR)))


@lru_cache(maxsize=65_536)
def _joined_cost(one: str, two: str) -> int | None:
    """The cost of one word written for two ("lécole" for "l'école", "peut être" for
    "peut-être"), None when they are not close enough. One error, its penalty above a
    lone word's so that it only wins when it saves an error: "mangé" for "a mangé" is
    "a" missing and "mangé" correct."""
    similarity = _similarity(one, two, SIMILAR_JOINED)
    if not similarity:
        return None
    return _ERROR + _PENALTY + round(_PENALTY * (1 - similarity))
