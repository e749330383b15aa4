"""Comparing two drafts word by word, and marks following their words into a rewrite.

Real CP and CE1 sentences, as a pupil rewrites them after the teacher's marks."""

from writing.text_changes import Change, Mark, MarkState, carry_marks, compare, words

FIRST = "Le chat de léo dor sur le lit. Il et contant"
SECOND = "Le chat de Léo dort sur le lit. Il est content."


def mark_on(text, passage, kind, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(passage, start + 1)
    return Mark(start, start + len(passage), kind)


def placed(text, carried):
    return text[carried.start : carried.end]


def test_words_keep_elisions_and_hyphenated_words_whole_and_punctuation_apart():
    assert [w.text for w in words("Aujourd'hui, l'arc-en-ciel brille !")] == [
        "Aujourd'hui",
        ",",
        "l'arc-en-ciel",
        "brille",
        "!",
    ]


def test_word_offsets_point_into_the_text():
    text = "Il pleut.\nNous restons dedans."
    for word in words(text):
        assert text[word.start : word.end] == word.text


def test_compare_shows_the_words_that_went_and_came_in_reading_order():
    pieces = compare(FIRST, SECOND)

    assert [(p.change, p.text) for p in pieces] == [
        (Change.SAME, "Le chat de"),
        (Change.REMOVED, "léo dor"),
        (Change.ADDED, "Léo dort"),
        (Change.SAME, "sur le lit. Il"),
        (Change.REMOVED, "et contant"),
        (Change.ADDED, "est content."),
    ]


def test_compare_ignores_spacing_and_line_breaks():
    pieces = compare("Le chat  dort.", "Le chat\ndort .")

    # Nothing changed; the line break of the second draft is where a paragraph starts.
    assert [(p.change, p.text, p.gap) for p in pieces] == [
        (Change.SAME, "Le chat", ""),
        (Change.SAME, "dort .", "\n"),
    ]


def test_identical_drafts_are_one_unchanged_piece():
    assert [p.change for p in compare(SECOND, SECOND)] == [Change.SAME]


def test_a_mark_on_words_the_pupil_rewrote_covers_what_replaced_them():
    spelling = mark_on(FIRST, "dor", "orthographe")

    (carried,) = carry_marks(FIRST, SECOND, [spelling])

    assert carried.state == MarkState.REWRITTEN
    assert carried.dealt_with
    assert placed(SECOND, carried) == "dort"


def test_a_mark_on_words_left_as_they_were_stays_on_them_and_is_not_dealt_with():
    first = "Le chat de léo dor sur le lit."
    second = "Le chien de léo dor sur le lit."  # the pupil changed another word
    capital = mark_on(first, "léo", "majuscules")

    (carried,) = carry_marks(first, second, [capital])

    assert carried.state == MarkState.UNCHANGED
    assert not carried.dealt_with
    assert placed(second, carried) == "léo"


def test_marks_follow_their_words_when_text_is_added_before_them():
    first = "Il et contant."
    second = "Ce matin, dans la cour, il et contant."
    agreement = mark_on(first, "contant", "accords")

    (carried,) = carry_marks(first, second, [agreement])

    assert carried.state == MarkState.UNCHANGED
    assert placed(second, carried) == "contant"


def test_a_mark_on_deleted_words_becomes_the_point_where_they_stood():
    first = "Le chat dort dort sur le lit."
    second = "Le chat dort sur le lit."
    kept, repeated = mark_on(first, "dort", "x"), mark_on(first, "dort", "répétitions", nth=1)

    carried = carry_marks(first, second, [kept, repeated])

    # Which of the two "dort" the pupil kept cannot be told: one mark stays, one is gone.
    assert sorted(c.state for c in carried) == [MarkState.REMOVED, MarkState.UNCHANGED]
    still = next(c for c in carried if c.state == MarkState.UNCHANGED)
    gone = next(c for c in carried if c.state == MarkState.REMOVED)
    assert placed(second, still) == "dort"
    assert gone.start == gone.end
    assert second[gone.start :].startswith(("dort sur", "sur"))


def test_a_passage_rewritten_in_more_words_is_covered_whole():
    first = "Il et contant."
    second = "Il est très content."
    mark = mark_on(first, "contant", "orthographe")

    (carried,) = carry_marks(first, second, [mark])

    assert carried.state == MarkState.REWRITTEN
    assert placed(second, carried) == "est très content"


def test_a_deleted_last_word_stands_at_the_end_of_the_new_draft():
    first = "Nous avons joué dehors dehors"
    second = "Nous avons joué dehors"
    mark = mark_on(first, "dehors", "répétitions", nth=1)

    (carried,) = carry_marks(first, second, [mark])

    assert carried.state == MarkState.REMOVED
    assert carried.start == carried.end == len(second)


def test_several_marks_of_several_kinds_are_carried_each_on_its_own():
    marks = [
        mark_on(FIRST, "léo", "majuscules"),
        mark_on(FIRST, "dor", "orthographe"),
        mark_on(FIRST, "et", "conjugaison"),
        mark_on(FIRST, "contant", "orthographe"),
        mark_on(FIRST, "lit", "bien"),
    ]

    carried = carry_marks(FIRST, SECOND, marks)

    assert [c.mark.kind for c in carried] == [m.kind for m in marks]
    assert [c.state for c in carried] == [
        MarkState.REWRITTEN,
        MarkState.REWRITTEN,
        MarkState.REWRITTEN,
        MarkState.REWRITTEN,
        MarkState.UNCHANGED,
    ]
    assert placed(SECOND, carried[-1]) == "lit"


def test_a_mark_on_spaces_only_marks_nothing_and_is_not_carried():
    text = "Le chat  dort."
    assert carry_marks(text, text, [Mark(7, 9, "ponctuation")]) == []


def test_accents_and_capitals_count_as_changes():
    first, second = "il a ete a lecole", "Il a été à l'école"
    marks = [mark_on(first, "il", "majuscules"), mark_on(first, "ete", "orthographe")]

    carried = carry_marks(first, second, marks)

    assert [c.state for c in carried] == [MarkState.REWRITTEN, MarkState.REWRITTEN]
    assert [placed(second, c) for c in carried] == ["Il", "été"]


def test_compared_pieces_say_where_paragraphs_and_spaces_are():
    pieces = compare("Le canard nage.\n\nIl mange.", "Le canard nage.\n\nCet oiseau mange du pain.")
    assert [(p.change, p.text, p.gap) for p in pieces] == [
        (Change.SAME, "Le canard nage.", ""),
        (Change.REMOVED, "Il", "\n"),
        (Change.ADDED, "Cet oiseau", " "),
        (Change.SAME, "mange", " "),
        (Change.ADDED, "du pain", " "),
        (Change.SAME, ".", ""),
    ]


def test_a_replaced_first_word_stands_apart_from_its_replacement():
    pieces = compare("le canar nage.", "Le canard nage.")
    assert [(p.change, p.text, p.gap) for p in pieces][:2] == [
        (Change.REMOVED, "le canar", ""),
        (Change.ADDED, "Le canard", " "),
    ]
    assert pieces[-1].starts_paragraph is False
