"""Whose turn it is (stories/turns.py): in the classes' order, cycling, skipping the
classes that left, `chapters_per_class` chapters per turn, none once finished."""

from types import SimpleNamespace

from stories import turns

A, B, C = 1, 2, 3


def rows(*statuses):
    return [
        SimpleNamespace(classroom_id=pk, status=status)
        for pk, status in zip((A, B, C), statuses, strict=False)
    ]


def chapters(*class_ids):
    return [SimpleNamespace(classroom_id=pk) for pk in class_ids]


def story(per_class=1, finished=False):
    return SimpleNamespace(chapters_per_class=per_class, finished=finished)


def whose(story_, rows_, published):
    row = turns.class_in_turn(story_, rows_, published)
    return row.classroom_id if row else None


def test_the_first_accepted_class_opens_then_turns_cycle():
    order = rows("accepted", "accepted", "accepted")
    assert whose(story(), order, []) == A
    assert whose(story(), order, chapters(A)) == B
    assert whose(story(), order, chapters(A, B)) == C
    assert whose(story(), order, chapters(A, B, C)) == A


def test_a_class_writes_as_many_chapters_as_the_story_says_in_a_row():
    order = rows("accepted", "accepted")
    assert whose(story(2), order, chapters(A)) == A
    assert whose(story(2), order, chapters(A, A)) == B
    assert whose(story(2), order, chapters(A, A, B)) == B
    assert whose(story(2), order, chapters(A, A, B, B)) == A


def test_classes_that_left_or_are_not_members_are_skipped():
    order = rows("accepted", "left", "accepted")
    assert whose(story(), order, chapters(A)) == C
    # B wrote before it left: the turn goes on after it.
    assert whose(story(), order, chapters(A, B)) == C
    assert whose(story(), order, chapters(A, B, C)) == A
    assert whose(story(), rows("left", "invited", "accepted"), []) == C
    # The last writer left in the middle of a 2-chapter turn: next class.
    assert whose(story(2), rows("accepted", "left", "accepted"), chapters(A, A, B)) == C


def test_no_turn_once_finished_or_without_classes():
    assert whose(story(finished=True), rows("accepted", "accepted"), chapters(A)) is None
    assert whose(story(), rows("left", "declined"), chapters(A)) is None
    assert whose(None, rows("accepted"), []) is None


def test_the_class_after_the_current_turn():
    order = rows("accepted", "accepted", "accepted")
    current = turns.class_in_turn(story(), order, chapters(A))
    assert turns.class_after(story(), order, chapters(A), current).classroom_id == C
    current = turns.class_in_turn(story(2), order, chapters(A))
    assert turns.class_after(story(2), order, chapters(A), current).classroom_id == B
