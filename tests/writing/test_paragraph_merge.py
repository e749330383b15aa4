"""Merging co-authors' saves paragraph by paragraph: nobody loses a word, a paragraph
changed twice is refused, and each paragraph remembers who wrote it."""

import pytest

from writing.paragraph_merge import Conflict, merge, normal_text, paragraph_spans, paragraphs

BASE = "Le héron attend.\n\nIl a un long bec."


def test_paragraphs_are_lines_and_blank_lines_do_not_count():
    assert paragraphs("  Un.\r\n\r\n\nDeux  mots.\nTrois ") == ["Un.", "Deux mots.", "Trois"]
    assert normal_text("Un.\nDeux.") == "Un.\n\nDeux."
    assert paragraph_spans("Un.\n\nDeux.") == [(0, 3), (5, 10)]


def test_nobody_else_saved_the_text_is_mine_and_new_paragraphs_are_mine():
    merged = merge(BASE, BASE, [1, 1], BASE + "\nLes poissons nagent.", 2)
    assert merged.paragraphs == ["Le héron attend.", "Il a un long bec.", "Les poissons nagent."]
    assert merged.authors == [1, 1, 2]


def test_two_paragraphs_added_at_the_same_place_are_both_kept_theirs_first():
    theirs = BASE + "\n\nIl mange des poissons."
    merged = merge(BASE, theirs, [1, 1, 1], BASE + "\nIl vole au-dessus de la mare.", 2)
    assert merged.paragraphs[2:] == ["Il mange des poissons.", "Il vole au-dessus de la mare."]
    assert merged.authors == [1, 1, 1, 2]


def test_changes_to_different_paragraphs_are_both_kept():
    theirs = "Le grand héron attend.\n\nIl a un long bec."
    mine = "Le héron attend.\n\nIl a un très long bec."
    merged = merge(BASE, theirs, [3, 1], mine, 2)
    assert merged.text == "Le grand héron attend.\n\nIl a un très long bec."
    assert merged.authors == [3, 2]


def test_a_paragraph_deleted_by_one_and_kept_by_the_other_is_deleted():
    merged = merge(BASE, BASE + "\n\nFin.", [1, 1, 1], "Il a un long bec.", 2)
    assert merged.paragraphs == ["Il a un long bec.", "Fin."]


def test_the_same_paragraph_changed_differently_is_a_conflict():
    theirs = "Le héron attend patiemment.\n\nIl a un long bec."
    mine = "Le grand héron attend.\n\nIl a un long bec."
    with pytest.raises(Conflict):
        merge(BASE, theirs, [1, 1], mine, 2)


def test_the_same_change_made_twice_is_not_a_conflict():
    same = "Le héron attend patiemment.\n\nIl a un long bec."
    merged = merge(BASE, same, [1, 1], same, 2)
    assert merged.text == same


def test_a_save_sent_twice_changes_nothing_the_second_time():
    once = merge(BASE, BASE, [1, 1], BASE + "\nEncore.", 2)
    twice = merge(BASE, once.text, once.authors, BASE + "\nEncore.", 2)
    assert twice.text == once.text and twice.authors == once.authors
