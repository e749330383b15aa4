"""Marking a dictation: real French sentences, each with the exact rows a teacher reads."""

import random
import time

import pytest
from django.utils import translation

from exercises.dictation_marking import Correction, ErrorKind, Token, mark, tokenize

OK = ErrorKind.OK
MISSING = ErrorKind.MISSING
EXTRA = ErrorKind.EXTRA
SPELLING = ErrorKind.SPELLING
ACCENT = ErrorKind.ACCENT
PUNCTUATION = ErrorKind.PUNCTUATION
CAPITAL = ErrorKind.CAPITAL


def rows(result):
    return [(row.expected, row.written, row.kind) for row in result.corrections]


def errors(result):
    return [row for row in rows(result) if row[2] != OK]


def texts(text):
    return [token.text for token in tokenize(text)]


# Tokens


def test_words_and_punctuation_are_separate_tokens_whatever_the_spacing():
    assert texts("Où vas-tu ?") == texts("Où vas-tu?") == ["Où", "vas-tu", "?"]
    assert texts("Attention  :\n  il pleut ;\tvite !") == [
        "Attention",
        ":",
        "il",
        "pleut",
        ";",
        "vite",
        "!",
    ]
    assert texts("«\u00a0Bonjour\u202f!\u00a0»") == ["«", "Bonjour", "!", "»"]


def test_elided_words_are_cut_off_with_their_apostrophe_other_apostrophes_stay_inside():
    assert texts("l'école") == ["l'", "école"]
    assert texts("L’arbre qu’aujourd’hui j'ai vu") == [
        "L’",
        "arbre",
        "qu’",
        "aujourd’hui",
        "j'",
        "ai",
        "vu",
    ]
    assert texts("jusqu'à presqu'île quelqu'un c'est-à-dire") == [
        "jusqu'",
        "à",
        "presqu'île",
        "quelqu'un",
        "c'",
        "est-à-dire",
    ]
    assert texts("l' école") == ["l'", "école"]  # a space after the apostrophe is harmless


def test_hyphenated_words_and_numbers_are_one_word():
    assert texts("Peut-être un arc-en-ciel, dis-moi.") == [
        "Peut-être",
        "un",
        "arc-en-ciel",
        ",",
        "dis-moi",
        ".",
    ]
    assert texts("Il a 3,5 kg et 12 ans.") == ["Il", "a", "3,5", "kg", "et", "12", "ans", "."]
    assert texts("Et puis... rien…") == ["Et", "puis", "...", "rien", "…"]


def test_tokens_are_nfc_and_know_whether_they_are_words():
    assert tokenize("cafe\u0301") == (Token("café"),)
    assert [token.is_word for token in tokenize("« Ah, 12 ! »")] == [
        False,
        True,
        False,
        True,
        False,
        False,
    ]


# Marking the sentences


def test_capital_spelling_missing_apostrophe_and_full_stop():
    result = mark(
        "Les enfants jouent dans la cour de l'école.", "les enfant jouent dans la cour de lécole"
    )
    assert rows(result) == [
        ("Les", "les", CAPITAL),
        ("enfants", "enfant", SPELLING),
        ("jouent", "jouent", OK),
        ("dans", "dans", OK),
        ("la", "la", OK),
        ("cour", "cour", OK),
        ("de", "de", OK),
        # One word for two: one spelling error, not "l'" missing plus "lécole" misspelt.
        ("l'école", "lécole", SPELLING),
        (".", None, PUNCTUATION),
    ]
    assert (result.errors, result.words) == (4, 9)
    assert result.score == pytest.approx(5 / 9)


def test_accents_are_four_accent_errors_a_for_a_grave_included():
    result = mark("Le garçon a mangé une pêche à midi.", "Le garcon a mange une peche a midi.")
    assert errors(result) == [
        ("garçon", "garcon", ACCENT),
        ("mangé", "mange", ACCENT),
        ("pêche", "peche", ACCENT),
        ("à", "a", ACCENT),
    ]
    assert result.errors_by_kind() == {
        MISSING: 0,
        EXTRA: 0,
        SPELLING: 0,
        ACCENT: 4,
        PUNCTUATION: 0,
        CAPITAL: 0,
    }
    assert result.score == pytest.approx(0.5)


def test_a_word_left_out_and_another_repeated_are_missing_and_extra():
    """ "beau" is too unlike "très" to stand for it: très is missing, beau written twice."""
    result = mark("Il fait très beau aujourd'hui.", "Il fait beau beau aujourd'hui.")
    assert rows(result) == [
        ("Il", "Il", OK),
        ("fait", "fait", OK),
        ("très", None, MISSING),
        (None, "beau", EXTRA),
        ("beau", "beau", OK),
        ("aujourd'hui", "aujourd'hui", OK),
        (".", ".", OK),
    ]
    assert result.score == pytest.approx(1 - 2 / 5)


def test_agreement_errors_are_one_spelling_error_per_word():
    result = mark("Les petites filles sont parties.", "Les petite fille sont partie.")
    assert errors(result) == [
        ("petites", "petite", SPELLING),
        ("filles", "fille", SPELLING),
        ("parties", "partie", SPELLING),
    ]
    assert result.errors_by_kind()[SPELLING] == 3


def test_wrong_words_close_enough_are_spelling_errors():
    result = mark("Il a été malade et il est guéri.", "Il a était malade est il et guéri.")
    assert errors(result) == [
        ("été", "était", SPELLING),
        ("et", "est", SPELLING),
        ("est", "et", SPELLING),
    ]


# Kinds


def test_capitals_anywhere_including_mid_sentence():
    result = mark("Nous irons à Paris avec le maître.", "nous irons à paris avec Le maître.")
    assert errors(result) == [
        ("Nous", "nous", CAPITAL),
        ("Paris", "paris", CAPITAL),
        ("le", "Le", CAPITAL),
    ]


def test_an_accent_and_a_capital_on_one_word_is_one_accent_error():
    result = mark("L'école est fermée.", "L'Ecole est fermee.")
    assert errors(result) == [("école", "Ecole", ACCENT), ("fermée", "fermee", ACCENT)]
    assert result.errors == 2


def test_homophones_differing_by_an_accent_are_accent_errors():
    result = mark("Où est-il ? Il va à la mer.", "Ou est-il ? Il va a la mer.")
    assert errors(result) == [("Où", "Ou", ACCENT), ("à", "a", ACCENT)]


def test_oe_for_the_ligature_is_a_spelling_error():
    assert errors(mark("Ma sœur a un œuf.", "Ma soeur a un œuf.")) == [("sœur", "soeur", SPELLING)]


def test_punctuation_missing_added_or_changed_is_punctuation_never_a_word():
    result = mark("Il pleut, il fait froid.", "Il pleut il fait, froid !")
    assert rows(result) == [
        ("Il", "Il", OK),
        ("pleut", "pleut", OK),
        (",", None, PUNCTUATION),
        ("il", "il", OK),
        ("fait", "fait", OK),
        (None, ",", PUNCTUATION),
        ("froid", "froid", OK),
        (".", "!", PUNCTUATION),
    ]
    assert result.words == 5  # punctuation is not counted as words...
    assert result.errors == 3  # ...but its errors are


def test_an_extra_hyphen_space_or_apostrophe_inside_a_word_is_one_spelling_error():
    assert errors(mark("Il viendra peut-être demain.", "Il viendra peut être demain.")) == [
        ("peut-être", "peut être", SPELLING)
    ]
    assert errors(mark("Il viendra aujourd'hui.", "Il viendra aujourdhui.")) == [
        ("aujourd'hui", "aujourdhui", SPELLING)
    ]
    assert errors(mark("Il est dans l'arbre.", "Il est dans l arbre.")) == [("l'", "l", SPELLING)]


def test_a_missing_word_is_not_glued_onto_its_neighbour():
    result = mark("Il a mangé à midi.", "Il mangé a midi.")
    assert errors(result) == [("a", None, MISSING), ("à", "a", ACCENT)]


def test_a_repeated_word_is_one_extra_word():
    assert errors(mark("Le chat dort.", "Le le chat dort.")) == [(None, "le", EXTRA)]


# Marks that look alike


def test_both_apostrophes_are_the_same_mark():
    result = mark("L’oiseau s’envole aujourd’hui.", "L'oiseau s'envole aujourd'hui.")
    assert result.errors == 0
    assert rows(result)[0] == ("L’", "L'", OK)  # each side shown as written


def test_peut_etre_is_kept_whole():
    result = mark("Il viendra peut-être.", "Il viendra peut-etre.")
    assert errors(result) == [("peut-être", "peut-etre", ACCENT)]
    assert result.words == 3


def test_a_decomposed_accent_equals_the_composed_letter():
    result = mark("Le café de l'été.", "Le cafe\u0301 de l'e\u0301te\u0301.")
    assert result.errors == 0
    assert rows(result)[1] == ("café", "café", OK)


def test_french_spaces_before_marks_are_ignored():
    assert mark("Où vas-tu ? Je viens !", "Où vas-tu? Je viens!").errors == 0
    assert mark("Attention : il pleut ; vite.", "Attention: il pleut;vite.").errors == 0


def test_any_quotation_marks_are_guillemets_but_missing_ones_are_punctuation_errors():
    assert mark("« Viens ici ! » cria maman.", '"Viens ici!" cria maman.').errors == 0
    assert mark("« Viens ici ! » cria maman.", "“Viens ici !” cria maman.").errors == 0
    assert errors(mark("« Viens ici ! » cria maman.", "Viens ici ! cria maman.")) == [
        ("«", None, PUNCTUATION),
        ("»", None, PUNCTUATION),
    ]


# Score and edge cases


def test_a_perfect_copy_scores_one():
    text = "Aujourd'hui, les élèves de CM1 écrivent une dictée : « L'hiver arrive ! »"
    result = mark(text, text.replace("'", "’"))
    assert result.errors == 0
    assert result.score == 1.0
    assert {row.kind for row in result.corrections} == {OK}
    assert len(result.corrections) == len(tokenize(text))


def test_an_empty_copy_is_every_word_missing_and_scores_zero():
    result = mark("Le chat dort.", "  \n ")
    assert rows(result) == [
        ("Le", None, MISSING),
        ("chat", None, MISSING),
        ("dort", None, MISSING),
        (".", None, PUNCTUATION),
    ]
    assert result.score == 0.0


def test_an_empty_reference_makes_every_token_extra():
    result = mark("", "Le chat.")
    assert rows(result) == [(None, "Le", EXTRA), (None, "chat", EXTRA), (None, ".", PUNCTUATION)]
    assert (result.words, result.errors, result.score) == (0, 3, 0.0)
    assert mark("", "").score == 1.0


def test_the_score_never_goes_below_zero():
    result = mark("Oui.", "Non, jamais de la vie !")
    assert result.errors > result.words
    assert result.score == 0.0


def test_corrections_are_frozen_rows():
    row = mark("Oui.", "oui.").corrections[0]
    assert row == Correction("Oui", "oui", CAPITAL)
    with pytest.raises(AttributeError):
        row.kind = OK


def test_kinds_have_english_msgids_for_translation():
    with translation.override("en"):
        assert [str(label) for label in ErrorKind.labels] == [
            "Correct",
            "Missing word",
            "Extra word",
            "Spelling",
            "Accent",
            "Punctuation",
            "Capital letter",
        ]


# Long texts

SENTENCES = [
    "Les enfants jouent dans la cour de l'école pendant que la maîtresse surveille.",
    "Aujourd'hui, il fait très beau et les oiseaux chantent dans les arbres du jardin.",
    "Peut-être que nous irons à la plage demain matin, si le temps le permet.",
    "Le garçon a mangé une pêche à midi ; sa sœur a préféré une poire bien mûre.",
    "« Où es-tu ? » demanda la petite fille à son frère qui se cachait derrière le mur.",
]


def long_dictation(words=2_000):
    rng = random.Random(2024)
    text, count = [], 0
    while count < words:
        text.append(rng.choice(SENTENCES))
        count += sum(token.is_word for token in tokenize(text[-1]))
    return " ".join(text)


def letters(tokens):
    """The texts end to end: rows of one word for two join tokens, nothing is lost."""
    return "".join(token for token in tokens if token).replace(" ", "")


def test_a_2000_word_copy_with_errors_marks_quickly_and_loses_no_token():
    reference = long_dictation()
    copy = []
    for position, word in enumerate(reference.split()):
        if position % 40 == 7:
            continue  # a word left out (with its punctuation)
        if position % 40 == 23:
            copy.append("hop")  # a word added
        if position % 40 == 31 and "é" in word:
            word = word.replace("é", "e")
        copy.append(word)
    started = time.perf_counter()
    result = mark(reference, " ".join(copy))
    assert time.perf_counter() - started < 2
    assert result.words >= 2_000
    kinds = result.errors_by_kind()
    assert kinds[EXTRA] == sum(1 for p in range(len(reference.split())) if p % 40 == 23)
    assert kinds[CAPITAL] == kinds[SPELLING] == 0
    assert 0.9 < result.score < 1
    # Every token of both texts is in exactly one row, in order.
    assert [row.expected for row in result.corrections if row.expected] == texts(reference)
    assert [row.written for row in result.corrections if row.written] == texts(" ".join(copy))


def test_a_2000_word_copy_of_another_text_stays_bounded():
    reference = long_dictation()
    other = " ".join(random.Random(7).sample(reference.split(), len(reference.split())))
    started = time.perf_counter()
    result = mark(reference, other)
    assert time.perf_counter() - started < 5
    assert result.score == 0.0
    assert letters(row.written for row in result.corrections) == letters(texts(other))
    assert letters(row.expected for row in result.corrections) == letters(texts(reference))


def test_walking_through_a_long_copy_finds_as_few_errors_as_the_full_alignment(monkeypatch):
    from exercises import dictation_marking as dictation

    reference = long_dictation(words=500)
    rng = random.Random(5)
    copy = []
    for word in reference.split():
        if rng.random() < 0.04:
            continue
        if rng.random() < 0.04:
            copy.append(rng.choice(["hop", "la", "très"]))
        copy.append(word.replace("é", "e") if rng.random() < 0.1 else word)
    walked = mark(reference, " ".join(copy))
    assert len(texts(reference)) * len(texts(" ".join(copy))) > dictation._ALIGNED_AT_ONCE
    monkeypatch.setattr(dictation, "_ALIGNED_AT_ONCE", 10**9)
    optimal = mark(reference, " ".join(copy))
    assert walked.errors == optimal.errors
    assert walked.errors_by_kind() == optimal.errors_by_kind()
