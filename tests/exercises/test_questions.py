"""Exercise questions: what the pupil sees never holds the answer, and every answer,
right, wrong, partly right or forged, is marked without an error."""

import json
import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.test import override_settings
from django.utils import translation

from exercises import dictation_marking as dictation
from exercises.questions import (
    Blank,
    DictationBlock,
    FillInBlanksBlock,
    MatchingBlock,
    MentalDrillBlock,
    MultipleChoiceBlock,
    OrderingBlock,
    QuestionsBlock,
    ShortAnswerBlock,
    generate_drill,
    parse_blanks,
    same_answer,
)

SEEDS = range(60)


def serialised(view):
    return json.dumps(view, ensure_ascii=False)


# Forged or broken answers every kind must score 0 without raising.
NOT_ANSWERS = [
    None,
    "0",
    [],
    {},
    {"unknown": ["0"]},
    {"choices": None, "blanks": None, "pairs": None, "order": None, "text": None},
    {"results": None},
]


def refusal(block, value):
    """The messages of what `block.clean` refuses, in English whatever the locale holds."""
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        block.clean(value)
    with translation.override("en"):
        return json.dumps(refused.value.as_json_data())


def assert_malformed(marking):
    assert marking.score == 0
    assert marking.points == 0
    assert not marking.correct
    assert marking.details == ()


# --- 1. Multiple choice -------------------------------------------------------------------

mcq = MultipleChoiceBlock()


def animals(*, several=False, points=1):
    return mcq.to_python(
        {
            "prompt": "Lesquels sont des mammifères ?",
            "points": points,
            "several_answers": several,
            "choices": [
                {"text": "La baleine", "correct": True},
                {"text": "Le requin"},
                {"text": "La chauve-souris", "correct": several},
                {"text": "La truite"},
                {"text": "Le dauphin", "correct": several},
            ],
        }
    )


def shown_keys(view, *texts):
    return [choice["key"] for choice in view["choices"] if choice["text"] in texts]


def test_choices_are_shown_mixed_without_right_flags():
    value = animals()
    positions = set()
    for seed in SEEDS:
        view = mcq.pupil_view(value, seed)
        assert all(
            set(choice) == {"key", "text", "image", "alt_text"} for choice in view["choices"]
        )
        assert "correct" not in serialised(view)
        assert sorted(choice["text"] for choice in view["choices"]) == sorted(
            choice["text"] for choice in value["choices"]
        )
        positions.add(shown_keys(view, "La baleine")[0])
    # The teacher wrote the right answer first: it must not stay there.
    assert len(positions) == 5


def test_single_answer_marking():
    value = animals(points=3)
    view = mcq.pupil_view(value, 7)
    (right,) = shown_keys(view, "La baleine")
    (wrong,) = shown_keys(view, "Le requin")
    marking = mcq.mark(value, {"choices": [right]}, 7)
    assert (marking.score, marking.correct, marking.points, marking.max_points) == (1, True, 3, 3)
    assert marking.correction == {"choices": [right]}
    assert all(marking.details)
    assert mcq.mark(value, {"choices": [wrong]}, 7).score == 0
    assert mcq.mark(value, {"choices": [right, wrong]}, 7).score == 0
    unanswered = mcq.mark(value, {"choices": []}, 7)
    assert unanswered.score == 0 and len(unanswered.details) == 5


def test_several_answers_earn_right_minus_wrong_never_below_zero():
    value = animals(several=True)
    view = mcq.pupil_view(value, 11)
    rights = shown_keys(view, "La baleine", "La chauve-souris", "Le dauphin")
    wrongs = shown_keys(view, "Le requin", "La truite")
    assert mcq.mark(value, {"choices": rights}, 11).correct
    assert sorted(mcq.mark(value, {"choices": []}, 11).correction["choices"]) == sorted(rights)
    assert mcq.mark(value, {"choices": rights[:2]}, 11).score == pytest.approx(2 / 3)
    assert mcq.mark(value, {"choices": [*rights[:2], wrongs[0]]}, 11).score == pytest.approx(1 / 3)
    assert mcq.mark(value, {"choices": rights + wrongs}, 11).score == pytest.approx(1 / 3)
    assert mcq.mark(value, {"choices": [rights[0], *wrongs]}, 11).score == 0
    # Ticking the same box twice counts once.
    assert mcq.mark(value, {"choices": [rights[0]] * 3}, 11).score == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    "answer",
    [
        *NOT_ANSWERS,
        {"choices": "0"},
        {"choices": ["5"]},
        {"choices": ["-1"]},
        {"choices": [" 1"]},
        {"choices": ["٣"]},  # an Arabic-Indic digit: isdigit() says yes, int() too
        {"choices": [True]},
        {"choices": [1.0]},
        {"choices": [["0"]]},
        {"choices": ["0"] * 1000},
        {"choices": ["9" * 100_000]},
    ],
)
def test_forged_choices_score_zero(answer):
    assert_malformed(mcq.mark(animals(several=True), answer, 1))


def test_choices_read_from_the_form():
    data = QueryDict("q-choices=2&q-choices=0&other-choices=1")
    assert mcq.answer_from_post(data, "q") == {"choices": ["2", "0"]}


def mcq_raw(*choices, several=False):
    return {"prompt": "?", "several_answers": several, "choices": list(choices)}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (mcq_raw({"text": "Oui", "correct": True}), "at least two answers"),
        (mcq_raw({"text": "Oui"}, {"text": "Non"}), "at least one right answer"),
        (
            mcq_raw({"text": "Oui", "correct": True}, {"text": "Non", "correct": True}),
            "only one right answer",
        ),
        (mcq_raw({"text": "Oui", "correct": True}, {"text": " "}), "an answer or choose an image"),
    ],
)
def test_choice_questions_teachers_must_put_right(raw, message):
    assert message in refusal(mcq, mcq.to_python(raw))


def test_several_right_answers_once_allowed():
    raw = mcq_raw({"text": "Oui", "correct": True}, {"text": "Non", "correct": True}, several=True)
    assert mcq.clean(mcq.to_python(raw))["several_answers"] is True


# --- 2. Fill in the blanks ----------------------------------------------------------------

blanks = FillInBlanksBlock()
CAT = "Le chat [mange/dévore] la souris, puis il [dort|dorment|dors].\nIl [rêve]."


def cat(text=CAT):
    return blanks.to_python({"prompt": "Complète.", "text": text})


def test_blank_syntax():
    assert parse_blanks("Le chat [mange/ dévore ] la [souris|sourie|souri].") == [
        "Le chat ",
        Blank(("mange", "dévore"), chosen=False),
        " la ",
        Blank(("souris", "sourie", "souri"), chosen=True),
        ".",
    ]
    # In a list to choose from, a slash is a slash.
    assert parse_blanks("[1/2|2/3]") == [Blank(("1/2", "2/3"), chosen=True)]


def test_typed_blanks_are_empty_inputs_and_chosen_ones_mixed_lists():
    value = cat()
    firsts = set()
    for seed in SEEDS:
        view = blanks.pupil_view(value, seed)
        text = serialised(view)
        for typed_answer in ("mange", "dévore", "rêve"):
            assert typed_answer not in text
        kinds = [part["type"] for part in view["parts"]]
        assert kinds == ["text", "input", "text", "select", "text", "input", "text"]
        (select,) = (part for part in view["parts"] if part["type"] == "select")
        assert sorted(select["choices"]) == ["dorment", "dors", "dort"]
        firsts.add(select["choices"][0])
    assert firsts == {"dort", "dors", "dorment"}  # the right choice is not always first


def test_blanks_marking():
    value = cat()
    right = blanks.mark(value, {"blanks": ["  Dévore ", "dort", "rêve"]}, 3)
    assert right.correct and right.details == (True, True, True)
    assert right.correction == {"blanks": ["mange", "dort", "rêve"]}
    partly = blanks.mark(value, {"blanks": ["mange", "dors", "reve"]}, 3)
    assert partly.score == pytest.approx(1 / 3) and partly.details == (True, False, False)
    assert blanks.mark(value, {"blanks": ["", "", ""]}, 3).score == 0


@pytest.mark.parametrize(
    "answer",
    [
        *NOT_ANSWERS,
        {"blanks": "mange"},
        {"blanks": ["mange", "dort"]},
        {"blanks": ["mange", "dort", "rêve", "rêve"]},
        {"blanks": ["mange", None, "rêve"]},
        {"blanks": ["mange", "dort", "rêve" * 1000]},
        {"blanks": {"0": "mange"}},
    ],
)
def test_forged_blanks_score_zero(answer):
    assert_malformed(blanks.mark(cat(), answer, 3))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Le chat mange.", "at least one word to find"),
        ("Le chat [mange la souris.", "square bracket"),
        ("Le chat mange] la souris.", "square bracket"),
        ("Le chat [[mange]] la souris.", "square bracket"),
        ("Le chat [ ] la souris.", "blank is empty"),
        ("Le chat [mange/] la souris.", "blank is empty"),
        ("Le chat [mange|] la souris.", "blank is empty"),
        ("Le chat [mange|Mange] la souris.", "must all be different"),
    ],
)
def test_texts_with_blanks_teachers_must_put_right(text, message):
    assert message in refusal(blanks, cat(text))


def test_a_right_text_with_blanks_is_accepted():
    assert blanks.clean(cat())["text"] == CAT


# --- 3. Matching pairs --------------------------------------------------------------------

matching = MatchingBlock()
CRIES = [("chat", "miaule"), ("chien", "aboie"), ("vache", "meugle")]


def cries(pairs=CRIES):
    return matching.to_python(
        {"prompt": "Relie.", "pairs": [{"left": left, "right": right} for left, right in pairs]}
    )


def test_right_hand_column_is_never_shown_in_the_teachers_order():
    for pairs in (CRIES, CRIES[:2]):
        value = cries(pairs)
        for seed in SEEDS:
            view = matching.pupil_view(value, seed)
            assert [item["text"] for item in view["left"]] == [left for left, _ in pairs]
            assert [item["text"] for item in view["right"]] != [right for _, right in pairs]
            assert sorted(item["text"] for item in view["right"]) == sorted(r for _, r in pairs)


def test_matching_marking():
    value = cries()
    view = matching.pupil_view(value, 5)
    key = {item["text"]: item["key"] for item in view["right"]}
    right = {"0": key["miaule"], "1": key["aboie"], "2": key["meugle"]}
    marking = matching.mark(value, {"pairs": right}, 5)
    assert marking.correct and marking.correction == {"pairs": right}
    swapped = {"0": key["aboie"], "1": key["miaule"], "2": key["meugle"]}
    assert matching.mark(value, {"pairs": swapped}, 5).score == pytest.approx(1 / 3)
    unanswered = matching.mark(value, {"pairs": {"0": key["miaule"], "1": ""}}, 5)
    assert unanswered.details == (True, False, False)
    # The same right-hand item for every line is right once.
    same = {"0": key["miaule"], "1": key["miaule"], "2": key["miaule"]}
    assert matching.mark(value, {"pairs": same}, 5).score == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    "answer",
    [
        *NOT_ANSWERS,
        {"pairs": ["0", "1", "2"]},
        {"pairs": {"3": "0"}},
        {"pairs": {"0": "3"}},
        {"pairs": {"0": None}},
        {"pairs": {"0": "0", "1": "1", "2": "2", "3": "0"}},
        {"pairs": {"x" * 100_000: "0"}},
    ],
)
def test_forged_pairs_score_zero(answer):
    assert_malformed(matching.mark(cries(), answer, 5))


def test_pairs_read_from_the_form():
    data = QueryDict("q-pair-0=2&q-pair-1=&qq-pair-2=1&q-pair-x=1")
    assert matching.answer_from_post(data, "q") == {"pairs": {"0": "2", "1": ""}}


@pytest.mark.parametrize(
    ("pairs", "message"),
    [(CRIES[:1], "at least two pairs"), ([*CRIES, ("Chat", "ronronne")], "must be different")],
)
def test_matching_questions_teachers_must_put_right(pairs, message):
    assert message in refusal(matching, cries(pairs))


# --- 4. Putting in order ------------------------------------------------------------------

ordering = OrderingBlock()
DAYS = ["lundi", "mardi", "mercredi", "jeudi"]


def days(items=DAYS):
    return ordering.to_python({"prompt": "Range les jours.", "items": items})


@pytest.mark.parametrize("items", [DAYS, DAYS[:2], ["un", "un", "deux"]])
def test_items_are_never_shown_in_the_right_order(items):
    value = days(items)
    for seed in SEEDS:
        shown = [item["text"] for item in ordering.pupil_view(value, seed)["items"]]
        assert shown != items
        assert sorted(shown) == sorted(items)


def test_ordering_marking():
    value = days()
    view = ordering.pupil_view(value, 2)
    key = {item["text"]: item["key"] for item in view["items"]}
    right = [key[day] for day in DAYS]
    marking = ordering.mark(value, {"order": right}, 2)
    assert marking.correct
    assert marking.correction == {"order": right, "items": DAYS}
    two_swapped = [key["mardi"], key["lundi"], key["mercredi"], key["jeudi"]]
    assert ordering.mark(value, {"order": two_swapped}, 2).score == 0.5
    assert ordering.mark(value, {"order": right[::-1]}, 2).score == 0
    half_done = [right[0], right[1], "", ""]
    assert ordering.mark(value, {"order": half_done}, 2).details == (True, True, False, False)


def test_twin_items_may_stand_in_either_place():
    value = days(["un", "deux", "un"])
    view = ordering.pupil_view(value, 4)
    twins = [item["key"] for item in view["items"] if item["text"] == "un"]
    (two,) = [item["key"] for item in view["items"] if item["text"] == "deux"]
    assert ordering.mark(value, {"order": [twins[1], two, twins[0]]}, 4).correct
    assert ordering.mark(value, {"order": [twins[0], two, twins[1]]}, 4).correct


@pytest.mark.parametrize(
    "answer",
    [
        *NOT_ANSWERS,
        {"order": "0123"},
        {"order": ["0", "1", "2"]},
        {"order": ["0", "1", "2", "3", "0"]},
        {"order": ["0", "1", "2", "4"]},
        {"order": ["0", "1", "2", None]},
        {"order": ["0", "1", "2", "3" * 100_000]},
    ],
)
def test_forged_orders_score_zero(answer):
    assert_malformed(ordering.mark(days(), answer, 2))


@pytest.mark.parametrize(
    ("items", "message"),
    [(["lundi"], "at least two items"), (["lundi", "lundi"], "must not all be the same")],
)
def test_orderings_teachers_must_put_right(items, message):
    assert message in refusal(ordering, days(items))


# --- 5. Short answer ----------------------------------------------------------------------

short = ShortAnswerBlock()


def summer(*, missing_accents=False):
    return short.to_python(
        {
            "prompt": "Quelle saison vient après le printemps ?",
            "answers": "l’été\n\n  été  \n",
            "accept_missing_accents": missing_accents,
        }
    )


def test_short_answer_view_holds_no_accepted_answer():
    view = short.pupil_view(summer(), 1)
    assert "été" not in serialised(view)
    assert set(view) == {"kind", "prompt", "audio_instruction", "points"}


@pytest.mark.parametrize(
    ("text", "strict", "lenient"),
    [
        ("été", True, True),
        ("  ÉTÉ ", True, True),
        ("l'été", True, True),  # a straight apostrophe for the curly one
        ("\tl’été ", True, True),
        ("ete", False, True),
        ("eté", False, True),
        ("èté", False, False),  # a wrong accent is not a missing one
        ("étés", False, False),
        ("", False, False),
    ],
)
def test_short_answers_compared_without_capitals_or_spaces(text, strict, lenient):
    assert short.mark(summer(), {"text": text}, 0).correct is strict
    assert short.mark(summer(missing_accents=True), {"text": text}, 0).correct is lenient


def test_spaces_between_words_and_the_oe_ligature_do_not_count():
    assert same_answer("un   oeuf", "un œuf")
    assert not same_answer("unoeuf", "un œuf")
    assert short.mark(summer(), {"text": "été"}, 0).correction == {"answers": ["l’été", "été"]}


@pytest.mark.parametrize(
    "answer", [*NOT_ANSWERS, {"text": ["été"]}, {"text": 1}, {"text": "été" + " " * 1000}]
)
def test_forged_short_answers_score_zero(answer):
    assert_malformed(short.mark(summer(), answer, 0))


def test_a_short_answer_needs_an_accepted_answer():
    with pytest.raises(ValidationError):
        short.clean(short.to_python({"prompt": "?", "answers": " \n \n"}))


# --- 6. Mental calculation ----------------------------------------------------------------

drill = MentalDrillBlock()


def tables(operation="multiply", minimum=2, maximum=9, questions=10, seconds=None):
    return drill.to_python(
        {
            "prompt": "Calcule.",
            "operation": operation,
            "minimum": minimum,
            "maximum": maximum,
            "questions": questions,
            "seconds": seconds,
        }
    )


def test_drills_are_drawn_again_from_each_seed():
    value = tables()
    assert generate_drill(value, 42) == generate_drill(value, 42)
    assert generate_drill(value, "attempt-7") == generate_drill(value, "attempt-7")
    assert len({tuple(generate_drill(value, seed)) for seed in SEEDS}) == len(SEEDS)


@pytest.mark.parametrize(
    ("operation", "sign", "compute"),
    [
        ("add", "+", lambda a, b: a + b),
        ("subtract", "−", lambda a, b: a - b),
        ("multiply", "×", lambda a, b: a * b),
    ],
)
def test_drill_operations_are_right_within_range_and_never_negative(operation, sign, compute):
    value = tables(operation, minimum=0, maximum=20, questions=50)
    for seed in SEEDS:
        operations = generate_drill(value, seed)
        assert len(operations) == 50
        for a, op, b, result in operations:
            assert op == sign and 0 <= a <= 20 and 0 <= b <= 20
            assert result == compute(a, b) >= 0
        # 441 possible operations: none asked twice in 50.
        assert len({(a, b) for a, _op, b, _result in operations}) == 50


def test_drill_view_gives_no_result():
    value = tables("add", seconds=8)
    view = drill.pupil_view(value, 3)
    assert view["seconds"] == 8
    for operation, (a, _op, b, _result) in zip(
        view["operations"], generate_drill(value, 3), strict=True
    ):
        assert operation == {"key": operation["key"], "a": a, "operator": "+", "b": b}


def test_drill_marking():
    value = tables("multiply", minimum=100, maximum=200, questions=4)
    results = [str(result) for *_, result in generate_drill(value, 9)]
    marking = drill.mark(value, {"results": results}, 9)
    assert marking.correct and marking.correction == {"results": [int(r) for r in results]}
    with_spaces = [f" {r[:-3]} {r[-3:]} " for r in results]  # 12 345 as children write it
    assert drill.mark(value, {"results": with_spaces}, 9).correct
    partly = [results[0], "", "sept", str(int(results[3]) + 1)]
    marking = drill.mark(value, {"results": partly}, 9)
    assert marking.score == 0.25 and marking.details == (True, False, False, False)
    assert drill.mark(value, {"results": results}, 10).score < 1  # another attempt's drill


@pytest.mark.parametrize(
    "answer",
    [
        *NOT_ANSWERS,
        {"results": "1 2 3 4"},
        {"results": ["1", "2", "3"]},
        {"results": ["1", "2", "3", "4", "5"]},
        {"results": ["1", "2", "3", None]},
        {"results": ["1", "2", "3", "4" * 100_000]},
        {"results": {"0": "1"}},
    ],
)
def test_forged_results_score_zero(answer):
    assert_malformed(drill.mark(tables(questions=4), answer, 9))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"minimum": 10, "maximum": 5}, "maximum"),
        ({"minimum": -5}, "minimum"),
        ({"questions": 0}, "questions"),
        ({"questions": 51}, "questions"),
        ({"seconds": 0}, "seconds"),
    ],
)
def test_drills_teachers_must_put_right(changes, field):
    raw = {"prompt": "Calcule.", "operation": "subtract", "minimum": 0, "maximum": 10}
    with pytest.raises(ValidationError) as refusal:
        drill.clean(drill.to_python({**raw, **changes}))
    assert list(refusal.value.block_errors) == [field]


def test_a_right_drill_is_accepted():
    assert drill.clean(tables("subtract", minimum=5, maximum=5, questions=50))["questions"] == 50


# --- 7. Dictation -------------------------------------------------------------------------

dictee = DictationBlock()
TEXT = "Les enfants jouent dans la cour de l’école."


def the_dictation(text=TEXT):
    return dictee.to_python({"prompt": "Écoute et écris.", "text": text})


def test_dictation_view_holds_no_text():
    view = dictee.pupil_view(the_dictation(), 0)
    assert view["audio"] is None
    text = serialised(view)
    for word in ("enfants", "jouent", "cour", "école"):
        assert word not in text


def test_dictation_marked_by_the_dictation_marker():
    value = the_dictation()
    assert dictee.mark(value, {"text": TEXT}, 0).correct
    copy = "Les enfant joue dans la cour de lécole"
    marking = dictee.mark(value, {"text": copy}, 0)
    expected = dictation.mark(TEXT, copy)
    assert marking.score == expected.score and 0 < marking.score < 1
    assert marking.correction == {"text": TEXT, "result": expected}
    assert marking.details == tuple(row.kind == "ok" for row in expected.corrections)


@pytest.mark.parametrize(
    "answer", [*NOT_ANSWERS, {"text": ["Les"]}, {"text": "Les enfants " * 10_000}]
)
def test_forged_dictations_score_zero(answer):
    marking = dictee.mark(the_dictation(), answer, 0)
    assert_malformed(marking)
    assert marking.correction["result"].errors > 0


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "field"), [("...", "text"), ("", "text"), (TEXT, "audio")])
def test_dictations_teachers_must_put_right(text, field, settings, tmp_path):
    from wagtailmedia.models import Media

    settings.MEDIA_ROOT = tmp_path
    media = Media.objects.create(title="Dictée", type="audio", file="media/dictee.webm")
    value = dictee.to_python({"prompt": "Écris.", "text": text, "audio": media.pk})
    if field == "audio":
        value["audio"] = None
    with pytest.raises(ValidationError) as refusal:
        dictee.clean(value)
    assert list(refusal.value.block_errors) == [field]
    value["audio"], value["text"] = media, TEXT
    assert dictee.clean(value)["text"] == TEXT


# --- All kinds: the stream, the templates, the forms ----------------------------------------


def test_the_stream_offers_every_kind_self_described():
    stream = QuestionsBlock()
    assert list(stream.child_blocks) == [
        "multiple_choice",
        "fill_in_blanks",
        "matching",
        "ordering",
        "short_answer",
        "mental_drill",
        "dictation",
    ]
    for name, block in stream.child_blocks.items():
        assert block.kind == name
        assert block.meta.template == f"exercises/questions/{name}.html"
        assert block.meta.icon and block.meta.label and block.meta.description
        preview = block.get_preview_value()
        assert block.pupil_view(preview, 0)["kind"] == name
        assert "audio_instruction" in block.child_blocks
        assert not block.child_blocks["audio_instruction"].required


def with_exercise_templates():
    """The app is not installed yet: its templates are found through DIRS meanwhile."""
    engine = dict(settings.TEMPLATES[0])
    engine["DIRS"] = [*engine["DIRS"], settings.BASE_DIR / "exercises" / "templates"]
    return override_settings(TEMPLATES=[engine])


# Each kind's question, and a right answer as (field name, value) pairs of its form,
# built from the marking's correction.
FORMS = {
    "multiple_choice": (
        mcq,
        lambda: animals(several=True),
        lambda c: [("q-choices", key) for key in c["choices"]],
    ),
    "fill_in_blanks": (blanks, cat, lambda c: [("q-blanks", word) for word in c["blanks"]]),
    "matching": (matching, cries, lambda c: [(f"q-pair-{k}", v) for k, v in c["pairs"].items()]),
    "ordering": (ordering, days, lambda c: [("q-order", key) for key in c["order"]]),
    "short_answer": (short, summer, lambda c: [("q-text", c["answers"][0])]),
    "mental_drill": (drill, tables, lambda c: [("q-results", str(r)) for r in c["results"]]),
    "dictation": (dictee, the_dictation, lambda c: [("q-text", c["text"])]),
}


@pytest.mark.parametrize("kind", FORMS)
def test_rendered_question_holds_no_answer_and_its_form_marks_right(kind):
    block, make, right_fields = FORMS[kind]
    value = make()
    with with_exercise_templates():
        html = block.render(value, {"question_prefix": "q", "question_seed": 8})
    assert f"question--{kind.replace('_', '-')}" in html
    assert not re.search(r"\bcorrect", html, re.IGNORECASE)  # autocorrect="off" aside
    # Nothing typed in advance: only radio buttons and checkboxes carry a value.
    inputs = re.findall(r"<input[^>]*>", html)
    for field in inputs:
        assert "value=" not in field or re.search(r'type="(radio|checkbox)"', field)
    # Every input alike but for its number: no attribute marks the right one.
    assert len({re.sub(r"[0-9]+", "", field) for field in inputs}) <= 1
    fields = right_fields(block.mark(value, {}, 8).correction)
    names = set(re.findall(r'name="([^"]+)"', html))
    assert {name for name, _ in fields} <= names
    data = QueryDict(mutable=True)
    for name, field_value in fields:
        data.appendlist(name, field_value)
    assert block.mark(value, block.answer_from_post(data, "q"), 8).correct
    # An empty form earns nothing.
    assert block.mark(value, block.answer_from_post(QueryDict(), "q"), 8).score == 0


@pytest.mark.parametrize(
    ("kind", "secrets"),
    [
        ("fill_in_blanks", ["mange", "dévore", "rêve"]),
        ("short_answer", ["été"]),
        ("dictation", ["enfants", "jouent", "école"]),
    ],
)
def test_typed_answers_are_not_in_the_page(kind, secrets):
    block, make, _fields = FORMS[kind]
    with with_exercise_templates():
        html = block.render(make(), {"question_prefix": "q", "question_seed": 8})
    for secret in secrets:
        assert secret not in html


def test_ordering_page_lists_items_mixed():
    value = days()
    with with_exercise_templates():
        html = ordering.render(value, {"question_prefix": "q", "question_seed": 8})
    listed = re.findall(r"<li>(\w+)</li>", html)
    assert sorted(listed) == sorted(DAYS) and listed != DAYS


@pytest.mark.django_db
def test_pictures_and_recordings_are_given_by_id_and_shown(settings, tmp_path):
    from wagtailmedia.models import Media

    from tests.factories import ImageFactory

    settings.MEDIA_ROOT = tmp_path
    image = ImageFactory(title="whale.png")
    instruction = Media.objects.create(title="Consigne", type="audio", file="media/q.webm")
    recording = Media.objects.create(
        title="Les enfants jouent dans la cour", type="audio", file="media/dictee.webm"
    )
    value = mcq.to_python(
        {
            "prompt": "Quel animal est un mammifère ?",
            "audio_instruction": instruction.pk,
            "choices": [
                {"image": image.pk, "alt_text": "Une baleine", "correct": True},
                {"text": "Le requin"},
            ],
        }
    )
    assert mcq.clean(value)["choices"][0]["image"] == image
    value["choices"][0]["alt_text"] = " "
    assert "cannot see it" in refusal(mcq, value)
    value["choices"][0]["alt_text"] = "Une baleine"
    view = mcq.pupil_view(value, 0)
    assert view["audio_instruction"] == instruction.pk
    assert {choice["image"] for choice in view["choices"]} == {image.pk, None}
    json.dumps(view)
    with with_exercise_templates():
        html = mcq.render(value, {"question_prefix": "q", "question_seed": 0})
        assert 'alt="Une baleine"' in html and instruction.url in html
        value = dictee.to_python({"prompt": "Écris.", "text": TEXT, "audio": recording.pk})
        assert dictee.pupil_view(value, 0)["audio"] == recording.pk
        html = dictee.render(value, {"question_prefix": "q"})
    assert recording.url in html and recording.title not in html
